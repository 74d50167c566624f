import { describe, expect, it } from "vitest";
import { documentLink } from "./documents";

describe("documentLink", () => {
  it("links web addresses and names their site", () => {
    expect(documentLink("https://www.ars.sante.fr/media/cls.pdf")).toEqual({
      href: "https://www.ars.sante.fr/media/cls.pdf",
      host: "ars.sante.fr",
    });
    expect(documentLink(" http://exemple.fr/a b.pdf ")).toEqual({ href: "http://exemple.fr/a%20b.pdf", host: "exemple.fr" });
  });

  it("links nothing else", () => {
    for (const url of [
      null,
      "",
      "javascript:alert(1)",
      "JAVASCRIPT:alert(1)",
      "data:text/html,<p>x</p>",
      "file:///etc/passwd",
      "/relatif.pdf",
      "ftp://exemple.fr/a",
    ])
      expect(documentLink(url)).toBeNull();
  });
});
