import { describe, expect, it } from "vitest";
import { splitLinks } from "./links";

describe("splitLinks", () => {
  it("marks web addresses and keeps the text around them", () => {
    expect(splitLinks("Ouvrez ce lien :\nhttp://localhost:3000/api/auth/callback/email?token=abc&email=a%40b.fr\nMerci.")).toEqual([
      { text: "Ouvrez ce lien :\n" },
      {
        text: "http://localhost:3000/api/auth/callback/email?token=abc&email=a%40b.fr",
        href: "http://localhost:3000/api/auth/callback/email?token=abc&email=a%40b.fr",
      },
      { text: "\nMerci." },
    ]);
  });

  it("leaves a closing punctuation mark out of the address", () => {
    expect(splitLinks("Voir https://www.proconnect.gouv.fr/.")).toEqual([
      { text: "Voir " },
      { text: "https://www.proconnect.gouv.fr/", href: "https://www.proconnect.gouv.fr/" },
      { text: "." },
    ]);
  });

  it("returns text without address as one part", () => {
    expect(splitLinks("Bonjour")).toEqual([{ text: "Bonjour" }]);
    expect(splitLinks("")).toEqual([]);
  });
});
