// Issue 15: the public search finds published contents in French whatever the accents
// ("sante mentale" finds "Santé mentale"), ranks and highlights them, counts facets, and never
// finds what is not public: an unpublished or confidential fiche, a withheld field, a draft contract.
import { beforeAll, describe, expect, it } from "vitest";
import { ANONYMOUS } from "@/lib/authz";
import { getDb } from "@/lib/db/client";
import { publishAllFiches } from "@/lib/publication/publish";
import { highlightedParts, searchPublicContents } from "@/lib/search/queries";
import { readSearchParams } from "@/lib/search/schema";
import { createContract, createContractWithStructure, createRegion, createTerritory } from "../fixtures/factories";
import { setupAppDatabase } from "../support/database";

setupAppDatabase();

const db = () => getDb();
const search = (query: Record<string, string>) => searchPublicContents(ANONYMOUS, readSearchParams(query));
const titles = async (query: Record<string, string>) =>
  (await search(query)).results.map((result) =>
    highlightedParts(result.title)
      .map((part) => part.text)
      .join(""),
  );

let north: Awaited<ReturnType<typeof createContractWithStructure>>;
let south: Awaited<ReturnType<typeof createContractWithStructure>>;

async function fiche(contractId: string, number: number) {
  return db().ficheAction.findFirstOrThrow({ where: { contractId, number }, select: { id: true } });
}

beforeAll(async () => {
  north = await createContractWithStructure(db(), { axes: 1, fichesPerAxis: 4 });
  south = await createContractWithStructure(db(), { axes: 1, fichesPerAxis: 2 });
  const update = async (contractId: string, number: number, data: Parameters<ReturnType<typeof db>["ficheAction"]["update"]>[0]["data"]) =>
    db().ficheAction.update({ where: { id: (await fiche(contractId, number)).id }, data });
  await update(north.contract.id, 1, {
    title: "Créer un conseil local de santé mentale",
    description: "Réunir les acteurs du soin psychiatrique et de la prévention du suicide autour des élus.",
    themes: ["mental_health"],
    determinants: ["Accès aux soins"],
    status: "in_progress",
  });
  await update(north.contract.id, 2, {
    title: "Prévenir les addictions",
    description: "Parler de santé mentale aux jeunes.",
    themes: ["addictions"],
  });
  // Confidential, and a withheld field: published or not, never searchable.
  await update(north.contract.id, 3, { title: "Santé mentale des détenus", confidential: true });
  await update(north.contract.id, 4, { title: "Mobilité", pilotContactName: "Docteur Mentalité", withheldFields: ["pilotContactName"] });
  await update(south.contract.id, 1, {
    title: "Santé mentale et précarité",
    themes: ["mental_health"],
    determinants: ["Accès aux soins", "Logement"],
    status: "completed",
  });
  await db().$transaction((tx) => publishAllFiches(tx, north.contract.id, { userId: null }));
  await db().$transaction((tx) => publishAllFiches(tx, south.contract.id, { userId: null }));
  // Changed after publication: the public version is the one searched.
  await update(south.contract.id, 2, { title: "Santé mentale, version non publiée" });
  // A draft contract of a third territory, its fiches published: not public.
  const draft = await createContract(db(), {
    territoryId: (await createTerritory(db(), { regionId: (await createRegion(db())).id })).id,
    visibility: "draft",
    title: "Santé mentale en brouillon",
  });
  const axis = await db().axis.create({ data: { contractId: draft.id, position: 1, number: 1, title: "Axe" } });
  await db().ficheAction.create({ data: { contractId: draft.id, axisId: axis.id, number: 1, title: "Santé mentale cachée" } });
  await db().$transaction((tx) => publishAllFiches(tx, draft.id, { userId: null }));
});

describe("public search", () => {
  it("finds the published fiches about « sante mentale », accents and plural folded, the title's match first", async () => {
    const found = await titles({ q: "sante mentale" });
    expect(found).toEqual(
      expect.arrayContaining(["Créer un conseil local de santé mentale", "Prévenir les addictions", "Santé mentale et précarité"]),
    );
    expect(found).toHaveLength(3);
    // Title matches rank above a match in the description.
    expect(found.indexOf("Prévenir les addictions")).toBe(2);
    expect(await titles({ q: "psychiatriques" })).toEqual(["Créer un conseil local de santé mentale"]);
    // A theme is found by its label, which no text of the fiche holds.
    expect(await titles({ q: "conduites à risque" })).toEqual(["Prévenir les addictions"]);
  });

  it("never finds a confidential or unpublished fiche, a withheld field or a draft contract", async () => {
    const found = await titles({ q: "mentale" });
    expect(found).not.toContain("Santé mentale des détenus");
    expect(found).not.toContain("Santé mentale, version non publiée");
    expect(found).not.toContain("Santé mentale cachée");
    expect(await titles({ q: "Mentalité" })).toEqual([]);
    expect(await titles({ q: "brouillon" })).toEqual([]);
  });

  it("marks the words found in titles and excerpts, as text parts", async () => {
    const { results } = await search({ q: "suicide" });
    expect(results).toHaveLength(1);
    expect(highlightedParts(results[0].excerpt!).filter((part) => part.hit)).toEqual([{ text: "suicide", hit: true }]);
    expect(highlightedParts("a <b>\uE000santé\uE001 &")).toEqual([
      { text: "a <b>", hit: false },
      { text: "santé", hit: true },
      { text: " &", hit: false },
    ]);
  });

  it("counts facets over the results and narrows by region, theme, status and kind", async () => {
    const outcome = await search({ q: "sante mentale" });
    expect(outcome.facets.theme).toEqual([
      { value: "mental_health", label: null, count: 2 },
      { value: "addictions", label: null, count: 1 },
    ]);
    expect(outcome.facets.region.map((facet) => facet.count).sort()).toEqual([1, 2]);
    expect(outcome.facets.determinant).toEqual([
      { value: "Accès aux soins", label: null, count: 2 },
      { value: "Logement", label: null, count: 1 },
    ]);
    expect(outcome.facets.type).toEqual([{ value: "fiche", label: null, count: 3 }]);
    expect(outcome.facets.status.map(({ value, count }) => [value, count])).toEqual([
      ["completed", 1],
      ["in_progress", 1],
      ["not_started", 1],
    ]);
    expect(outcome.total).toBe(3);
    const southRegion = (await db().region.findFirstOrThrow({ where: { territories: { some: { id: south.territory.id } } } })).slug;
    expect(await titles({ q: "sante mentale", region: southRegion })).toEqual(["Santé mentale et précarité"]);
    expect(await titles({ q: "sante mentale", theme: "addictions" })).toEqual(["Prévenir les addictions"]);
    expect(await titles({ q: "sante mentale", status: "completed" })).toEqual(["Santé mentale et précarité"]);
    expect((await search({ theme: "mental_health" })).total).toBe(2);
    expect((await search({ q: "sante mentale", type: "contract" })).total).toBe(0);
  });

  it("answers a query that is only punctuation or stop words with nothing, not an error", async () => {
    expect((await search({ q: "« le » ! -" })).total).toBe(0);
    expect((await search({ q: "de la" })).total).toBe(0);
  });
});
