// ContractFicheStats, the fiche counts and progress PostgreSQL keeps by trigger for the regional
// portfolio: after every kind of write (one row, many rows, trash, restore, hard delete, a
// foreign key's action, an indicator moved between contracts, a fiche closed by an amendment) they equal a recount; its SQL
// progress roll-up gives what lib/contracts/progress.ts gives on random contracts; and two
// transactions adding fiches to one contract at once both count.
import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { contractProgress } from "@/lib/contracts/progress";
import { getDb } from "@/lib/db/client";
import type { ProgressStatus } from "@/lib/db/generated/enums";
import { createContract, createOrganisation } from "../fixtures/factories";
import { setupAppDatabase } from "../support/database";

const database = setupAppDatabase();

type Counts = { fiches: number; fichesWithoutIndicator: number; fichesWithoutPilot: number };

/** The counts as the triggers kept them, and as counting every fiche now gives them. */
async function keptAndRecounted(contractId: string): Promise<{ kept: Counts | null; recounted: Counts }> {
  const db = getDb();
  const kept = await db.contractFicheStats.findUnique({
    where: { contractId },
    select: { fiches: true, fichesWithoutIndicator: true, fichesWithoutPilot: true },
  });
  const fiches = await db.ficheAction.findMany({
    where: { contractId, deletedAt: null, closedOn: null },
    select: { pilotOrganisationId: true, pilotUserId: true, indicators: { where: { deletedAt: null }, select: { id: true } } },
  });
  return {
    kept,
    recounted: {
      fiches: fiches.length,
      fichesWithoutIndicator: fiches.filter((fiche) => !fiche.indicators.length).length,
      fichesWithoutPilot: fiches.filter((fiche) => !fiche.pilotOrganisationId && !fiche.pilotUserId).length,
    },
  };
}

async function expectCounts(contractId: string, expected: Counts) {
  const { kept, recounted } = await keptAndRecounted(contractId);
  expect(recounted).toEqual(expected);
  expect(kept).toEqual(expected);
}

let contractId: string;
let axisId: string;

beforeAll(async () => {
  const db = getDb();
  const contract = await createContract(db);
  contractId = contract.id;
  axisId = (await db.axis.create({ data: { contractId, position: 1, number: 1, title: "Axe 1" } })).id;
});

describe("a contract's fiche counts", () => {
  it("follow every write to its fiches and their indicators", async () => {
    const db = getDb();
    await db.ficheAction.createMany({
      data: [1, 2, 3].map((number) => ({ contractId, axisId, number, title: `Fiche ${number}` })),
    });
    await expectCounts(contractId, { fiches: 3, fichesWithoutIndicator: 3, fichesWithoutPilot: 3 });

    const [first, second, third] = await db.ficheAction.findMany({ where: { contractId }, orderBy: { number: "asc" } });
    const indicator = await db.indicator.create({ data: { ficheId: first.id, name: "Indicateur", level: "process" } });
    const pilot = await createOrganisation(db);
    await db.ficheAction.update({ where: { id: second.id }, data: { pilotOrganisationId: pilot.id } });
    await expectCounts(contractId, { fiches: 3, fichesWithoutIndicator: 2, fichesWithoutPilot: 2 });

    // A text edit changes nothing; the indicator to the trash and back; the fiche to the trash and back.
    await db.ficheAction.update({ where: { id: first.id }, data: { title: "Fiche 1 renommée" } });
    await db.indicator.update({ where: { id: indicator.id }, data: { deletedAt: new Date() } });
    await expectCounts(contractId, { fiches: 3, fichesWithoutIndicator: 3, fichesWithoutPilot: 2 });
    await db.indicator.update({ where: { id: indicator.id }, data: { deletedAt: null } });
    await db.ficheAction.update({ where: { id: third.id }, data: { deletedAt: new Date() } });
    await expectCounts(contractId, { fiches: 2, fichesWithoutIndicator: 1, fichesWithoutPilot: 1 });
    await db.ficheAction.update({ where: { id: third.id }, data: { deletedAt: null } });
    await expectCounts(contractId, { fiches: 3, fichesWithoutIndicator: 2, fichesWithoutPilot: 2 });

    // A signed amendment closes a fiche: it leaves the counts, as it would the trash.
    await db.ficheAction.update({ where: { id: third.id }, data: { closedOn: new Date("2026-03-01") } });
    await expectCounts(contractId, { fiches: 2, fichesWithoutIndicator: 1, fichesWithoutPilot: 1 });
    await db.ficheAction.update({ where: { id: third.id }, data: { closedOn: null } });
    await expectCounts(contractId, { fiches: 3, fichesWithoutIndicator: 2, fichesWithoutPilot: 2 });

    // The pilot's organisation deleted: the foreign key sets the fiche's pilot to null.
    await db.organisation.delete({ where: { id: pilot.id } });
    await expectCounts(contractId, { fiches: 3, fichesWithoutIndicator: 2, fichesWithoutPilot: 3 });

    // A fiche deleted for good takes its indicator with it.
    await db.ficheAction.delete({ where: { id: first.id } });
    await expectCounts(contractId, { fiches: 2, fichesWithoutIndicator: 2, fichesWithoutPilot: 2 });
  });

  it("move with an indicator moved to another contract's fiche", async () => {
    const db = getDb();
    const other = await createContract(db);
    const otherAxis = await db.axis.create({ data: { contractId: other.id, position: 1, number: 1, title: "Axe 1" } });
    const from = await db.ficheAction.create({ data: { contractId: other.id, axisId: otherAxis.id, number: 1, title: "Source" } });
    const to = await db.ficheAction.create({ data: { contractId: other.id, axisId: otherAxis.id, number: 2, title: "Cible" } });
    const here = await db.ficheAction.findFirstOrThrow({ where: { contractId, deletedAt: null }, orderBy: { number: "asc" } });
    const indicator = await db.indicator.create({ data: { ficheId: from.id, name: "Indicateur", level: "process" } });
    await expectCounts(other.id, { fiches: 2, fichesWithoutIndicator: 1, fichesWithoutPilot: 2 });
    const before = (await keptAndRecounted(contractId)).recounted;

    await db.indicator.update({ where: { id: indicator.id }, data: { ficheId: here.id } });
    await expectCounts(other.id, { fiches: 2, fichesWithoutIndicator: 2, fichesWithoutPilot: 2 });
    await expectCounts(contractId, { ...before, fichesWithoutIndicator: before.fichesWithoutIndicator - 1 });
    await db.indicator.update({ where: { id: indicator.id }, data: { ficheId: to.id } });
    await expectCounts(other.id, { fiches: 2, fichesWithoutIndicator: 1, fichesWithoutPilot: 2 });
    await expectCounts(contractId, before);
  });

  it("count both fiches when two transactions add one to the same contract at once", async () => {
    const db = getDb();
    const contract = await createContract(db);
    const axis = await db.axis.create({ data: { contractId: contract.id, position: 1, number: 1, title: "Axe 1" } });
    // A stats row already there: creating it would have made the second writer wait anyway.
    await db.ficheAction.create({ data: { contractId: contract.id, axisId: axis.id, number: 1, title: "Fiche 1" } });
    const [first, second] = [new pg.Client({ connectionString: database().url }), new pg.Client({ connectionString: database().url })];
    await Promise.all([first.connect(), second.connect()]);
    try {
      const insert = (client: pg.Client, number: number) =>
        client.query(`INSERT INTO "FicheAction" ("contractId", "axisId", number, title, "updatedAt") VALUES ($1, $2, $3, $4, now())`, [
          contract.id,
          axis.id,
          number,
          `Fiche ${number}`,
        ]);
      await first.query("BEGIN");
      await second.query("BEGIN");
      await insert(first, 2);
      // The second writer's trigger waits for the first's stats row lock, then counts after its commit.
      const secondInsert = insert(second, 3);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await first.query("COMMIT");
      await secondInsert;
      await second.query("COMMIT");
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
    await expectCounts(contract.id, { fiches: 3, fichesWithoutIndicator: 3, fichesWithoutPilot: 3 });
  });

  it("roll progress up as lib/contracts/progress.ts does, on random contracts", async () => {
    const db = getDb();
    // A seeded generator: the same contracts on every run.
    let seed = 20261206;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
    const statuses: ProgressStatus[] = ["not_started", "in_progress", "completed", "delayed", "abandoned"];
    const weight = () => pick([null, null, 0, 1, 2, 3, 5]);
    const contracts: string[] = [];
    for (let index = 0; index < 25; index++) {
      const contract = await createContract(db);
      contracts.push(contract.id);
      let number = 0;
      for (let position = 1; position <= 1 + Math.floor(random() * 3); position++) {
        const axis = await db.axis.create({ data: { contractId: contract.id, position, number: position, title: `Axe ${position}` } });
        for (let count = Math.floor(random() * 4); count > 0; count--) {
          number += 1;
          const fiche = await db.ficheAction.create({
            data: {
              contractId: contract.id,
              axisId: axis.id,
              number,
              title: `Fiche ${number}`,
              status: pick(statuses),
              progress: Math.floor(random() * 101),
              weight: weight(),
              deletedAt: random() < 0.1 ? new Date() : null,
              // Closed by a signed amendment: out of the plan, as lib/contracts/progress.ts `isInPlan` says.
              closedOn: random() < 0.15 ? new Date("2026-03-01") : null,
            },
          });
          await db.operationalObjective.createMany({
            data: Array.from({ length: Math.floor(random() * 4) }, (_, objective) => ({
              ficheId: fiche.id,
              position: objective + 1,
              title: `Objectif ${objective + 1}`,
              status: pick(statuses),
              progress: Math.floor(random() * 101),
              weight: weight(),
              deletedAt: random() < 0.1 ? new Date() : null,
            })),
          });
        }
      }
    }
    const kept = await db.contractFicheStats.findMany({ where: { contractId: { in: contracts } } });
    const fiches = await db.ficheAction.findMany({
      where: { contractId: { in: contracts }, deletedAt: null },
      select: {
        contractId: true,
        axisId: true,
        status: true,
        progress: true,
        weight: true,
        closedOn: true,
        objectives: { where: { deletedAt: null }, select: { status: true, progress: true, weight: true } },
      },
    });
    const progressOf = (contractId: string) => {
      const axes = new Map<string, typeof fiches>();
      for (const fiche of fiches.filter((candidate) => candidate.contractId === contractId))
        axes.set(fiche.axisId, [...(axes.get(fiche.axisId) ?? []), fiche]);
      return contractProgress([...axes.values()].map((axisFiches) => ({ fiches: axisFiches })));
    };
    const expected = contracts.map((contractId) => ({ contractId, progress: progressOf(contractId) }));
    expect(expected.filter((row) => row.progress !== null).length).toBeGreaterThan(15);
    // A contract whose fiches were never written has no row yet: no progress.
    const keptProgress = new Map(kept.map((row) => [row.contractId, row.progress]));
    expect(contracts.map((contractId) => ({ contractId, progress: keptProgress.get(contractId) ?? null }))).toEqual(expected);
    const completed = fiches.filter((fiche) => fiche.status === "completed" && !fiche.closedOn).length;
    expect(kept.reduce((sum, row) => sum + row.fichesCompleted, 0)).toBe(completed);
  });
});
