import { describe, expect, it } from "vitest";
import { fichesToPublish, publishFields } from "./pending";

const fiche = (number: number, version: number, publishedVersion: number | null, confidential = false) => ({
  id: `id-${number}`,
  number,
  title: `Fiche ${number}`,
  version,
  confidential,
  publishedVersion,
});

describe("fichesToPublish", () => {
  it("keeps the fiches never published and those edited since their publication, in number order", () => {
    expect(fichesToPublish([fiche(3, 4, 2), fiche(1, 1, null), fiche(2, 2, 2)])).toEqual([
      { id: "id-1", number: 1, title: "Fiche 1", version: 1, reason: "unpublished" },
      { id: "id-3", number: 3, title: "Fiche 3", version: 4, reason: "modified" },
    ]);
  });

  it("leaves out confidential fiches, published or not", () => {
    expect(fichesToPublish([fiche(1, 1, null, true), fiche(2, 3, 1, true)])).toEqual([]);
  });
});

describe("publishFields", () => {
  it("names each fiche and the version the page showed, as the action's form fields", () => {
    expect(
      publishFields("c", [
        { id: "a", version: 2 },
        { id: "b", version: 5 },
      ]),
    ).toEqual({
      contractId: "c",
      "fiches.0.id": "a",
      "fiches.0.version": "2",
      "fiches.1.id": "b",
      "fiches.1.version": "5",
    });
  });
});
