// Needs and actions (issue 16, part 3): each diagnosis finding against the fiches that answer it,
// the uncovered ones counted — in the workspace every fiche outside the trash, on the public page
// only published fiches and never confidential ones — and the ARS checks flag findings no fiche
// answers, in SQL like every rule.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { actorForUser } from "@/lib/auth/actor";
import { ANONYMOUS, NotFoundError, type Actor } from "@/lib/authz";
import { listContractFlags } from "@/lib/compliance/queries";
import { getContractCoverage } from "@/lib/coverage/queries";
import { getDb } from "@/lib/db/client";
import { publishAllFiches } from "@/lib/publication/publish";
import { findTerritoryPage } from "@/lib/territories/queries";
import { createContract, createTerritory } from "../fixtures/factories";
import { setupAppDatabase } from "../support/database";
import { countQueries } from "../support/query-count";

setupAppDatabase();

const db = () => getDb();
let territory: { id: string; slug: string; regionId: string };
let coordinator: Actor;
let foreignCoordinator: Actor;
let contract: { id: string };
/** The fiches by number, and the findings by position. */
const fiches: Record<number, string> = {};
const findings: Record<number, string> = {};

async function member(territoryId: string) {
  const user = await db().user.create({
    data: { email: `coordination-${randomUUID()}@exemple.test`, memberships: { create: { role: "coordinator", territoryId } } },
  });
  return actorForUser(user.id);
}

beforeAll(async () => {
  territory = await createTerritory(db());
  coordinator = await member(territory.id);
  foreignCoordinator = await member((await createTerritory(db())).id);
  contract = await createContract(db(), { territoryId: territory.id, status: "in_progress", visibility: "published" });
  const axis = await db().axis.create({ data: { contractId: contract.id, position: 1, number: 1, title: "Axe 1" } });
  for (const position of [1, 2, 3, 4, 5])
    findings[position] = (
      await db().diagnosisFinding.create({ data: { contractId: contract.id, position, text: `Constat ${position}` } })
    ).id;
  for (const number of [1, 2, 3, 4, 5])
    fiches[number] = (
      await db().ficheAction.create({ data: { contractId: contract.id, axisId: axis.id, number, title: `Fiche ${number}` } })
    ).id;
  // Fiche 1 answers findings 1 and 2; fiche 2 finding 2; fiche 3 (confidential) finding 3; fiche 4 (to the trash) finding 4; fiche 5 none.
  await db().ficheFinding.createMany({
    data: [
      [1, 1],
      [1, 2],
      [2, 2],
      [3, 3],
      [4, 4],
    ].map(([fiche, finding]) => ({ ficheId: fiches[fiche], findingId: findings[finding] })),
  });
  await db().$transaction((tx) => publishAllFiches(tx, contract.id, { userId: null }));
  await db().ficheAction.update({ where: { id: fiches[3] }, data: { confidential: true } });
  await db().ficheAction.update({ where: { id: fiches[4] }, data: { deletedAt: new Date() } });
  // Fiche 2 not published: withdrawn.
  await db().publicFiche.delete({ where: { ficheId: fiches[2] } });
});

describe("needs and actions in the workspace", () => {
  it("lists each finding with the fiches outside the trash that answer it, counts the uncovered, and lists fiches answering none", async () => {
    const { coverage, unlinkedFiches } = await getContractCoverage(coordinator, territory.slug, contract.id);
    expect(coverage.findings.map((finding) => [finding.text, finding.covered, finding.fiches.map((fiche) => fiche.number)])).toEqual([
      ["Constat 1", true, [1]],
      ["Constat 2", true, [1, 2]],
      ["Constat 3", true, [3]],
      ["Constat 4", false, []],
      ["Constat 5", false, []],
    ]);
    expect(coverage).toMatchObject({ total: 5, covered: 3, uncovered: 2 });
    expect(unlinkedFiches.map((fiche) => fiche.number)).toEqual([5]);
  });

  it("is not found for another territory's coordinator", async () => {
    await expect(getContractCoverage(foreignCoordinator, territory.slug, contract.id)).rejects.toThrow(NotFoundError);
  });

  it("reads the page in as many statements however many findings and fiches", async () => {
    const small = await createContract(db(), { territoryId: territory.id, generation: 2 });
    const count = async (id: string) => (await countQueries(() => getContractCoverage(coordinator, territory.slug, id))).queries.length;
    expect(await count(small.id)).toBe(await count(contract.id));
  });
});

describe("needs and actions on the public page", () => {
  it("counts only published fiches, never a confidential or trashed one, under their published number", async () => {
    const page = await findTerritoryPage(ANONYMOUS, territory.slug, 1);
    const [published] = page!.contracts;
    expect(published.findings.map((finding) => finding.fiches.map(({ fiche }) => fiche.publicVersion?.number))).toEqual([
      [1],
      [1],
      [],
      [],
      [],
    ]);
  });
});

describe("the ARS checks", () => {
  it("flag the findings no fiche outside the trash answers, and no longer once a fiche answers them", async () => {
    const flagged = async () =>
      (await listContractFlags(coordinator, { id: contract.id, territory }))!.find((flag) => flag.id === "uncovered_findings");
    expect((await flagged())?.reason).toBe("2\u00a0constats du diagnostic sans fiche action qui y réponde.");
    await db().ficheFinding.createMany({
      data: [4, 5].map((position) => ({ ficheId: fiches[5], findingId: findings[position] })),
    });
    expect(await flagged()).toBeUndefined();
    await db().ficheFinding.deleteMany({ where: { ficheId: fiches[5] } });
  });
});
