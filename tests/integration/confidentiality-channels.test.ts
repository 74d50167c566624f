// Issue 15: no confidential fiche, and no field a coordinator withheld, shows on any public
// channel. Each channel's whole output is searched for marker words the private data holds.
// The open data API and its CSV files (open-data.test.ts) and the sitemap (sitemap.test.ts)
// are held to the same with their own fixtures.
import { beforeAll, describe, expect, it } from "vitest";
import { ANONYMOUS } from "@/lib/authz";
import { getDb } from "@/lib/db/client";
import { contractKey } from "@/lib/publication/paths";
import { publishAllFiches } from "@/lib/publication/publish";
import { findPublicFiche } from "@/lib/publication/queries";
import { searchPublicContents } from "@/lib/search/queries";
import { readSearchParams } from "@/lib/search/schema";
import { findTerritoryPage } from "@/lib/territories/queries";
import { createContractWithStructure, createOrganisation } from "../fixtures/factories";
import { setupAppDatabase } from "../support/database";

setupAppDatabase();

const db = () => getDb();
/** Words only the private data holds: none may appear in a public channel's output. */
const SECRETS = ["Zorglub", "zorglub@exemple.test", "Fondation Zorglonde", "Camille Zorgblatt"];
let world: Awaited<ReturnType<typeof createContractWithStructure>>;

/** A channel's output as text, with what it must not hold. */
const leaks = (output: unknown) => SECRETS.filter((secret) => JSON.stringify(output).toLowerCase().includes(secret.toLowerCase()));

beforeAll(async () => {
  world = await createContractWithStructure(db(), { axes: 1, fichesPerAxis: 3 });
  const fiches = await db().ficheAction.findMany({
    where: { contractId: world.contract.id },
    orderBy: { number: "asc" },
    select: { id: true },
  });
  const funder = await createOrganisation(db(), { name: "Fondation Zorglonde" });
  // Fiche 1: confidential as a whole.
  await db().ficheAction.update({
    where: { id: fiches[0].id },
    data: { title: "Action Zorglub", description: "Zorglub partout", confidential: true },
  });
  // Fiche 2: public, its pilot contact and budget withheld.
  await db().ficheAction.update({
    where: { id: fiches[1].id },
    data: {
      title: "Prévenir les chutes",
      pilotContactName: "Camille Zorgblatt",
      pilotContactEmail: "zorglub@exemple.test",
      withheldFields: ["pilotContactName", "pilotContactEmail", "budgetLines"],
      budgetLines: { create: { funderId: funder.id, amount: "4200.00", year: 2026 } },
    },
  });
  await db().$transaction((tx) => publishAllFiches(tx, world.contract.id, { userId: null }));
});

describe("confidentiality on every public channel", () => {
  it("the territory page", async () => {
    const page = await findTerritoryPage(ANONYMOUS, world.territory.slug);
    expect(page?.contracts[0].publicFiches.map((fiche) => fiche.number)).toEqual([2, 3]);
    expect(leaks(page)).toEqual([]);
  });

  it("the fiche pages, the confidential one not found", async () => {
    const key = contractKey(world.contract.generation);
    expect(await findPublicFiche(ANONYMOUS, world.territory.slug, key, "1")).toBeNull();
    const withheld = await findPublicFiche(ANONYMOUS, world.territory.slug, key, "2");
    expect(withheld?.title).toBe("Prévenir les chutes");
    expect(leaks(withheld)).toEqual([]);
  });

  it("the search", async () => {
    for (const q of ["zorglub", "Zorgblatt", "Zorglonde", "chutes"]) {
      const outcome = await searchPublicContents(ANONYMOUS, readSearchParams({ q }));
      expect(leaks(outcome), q).toEqual([]);
    }
    expect((await searchPublicContents(ANONYMOUS, readSearchParams({ q: "zorglub" }))).total).toBe(0);
    expect((await searchPublicContents(ANONYMOUS, readSearchParams({ q: "chutes" }))).total).toBe(1);
  });
});
