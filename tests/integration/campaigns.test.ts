// Evaluation campaigns and contract snapshots: opening notifies, one campaign open at a time,
// closing freezes the contract in an immutable snapshot built from the catalogues, and a closed
// campaign is read-only in the action layer.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { RefusedError } from "@/lib/actions/errors";
import { executeAction } from "@/lib/actions/define";
import { actorForUser } from "@/lib/auth/actor";
import type { Actor } from "@/lib/authz";
import { assertCampaignOpen, CLOSED_CAMPAIGN_MESSAGE } from "@/lib/campaigns/guard";
import { ALREADY_OPEN_MESSAGE, closeCampaign, openCampaign, updateCampaign } from "@/lib/campaigns/mutations";
import { getDb } from "@/lib/db/client";
import { createContractSnapshot } from "@/lib/snapshots/create";
import { readContractSnapshot } from "@/lib/snapshots/queries";
import { createContractWithStructure, createOrganisation } from "../fixtures/factories";
import { setupAppDatabase } from "../support/database";
import { countQueries } from "../support/query-count";

setupAppDatabase();

const db = () => getDb();
const run = (definition: Parameters<typeof executeAction>[0], actor: Actor, input: unknown) =>
  executeAction(definition, { db: db(), actor, ip: "192.0.2.1" }, input);
const dates = { periodStart: "2024-01-01", periodEnd: "2026-06-30", opensOn: "2026-07-01", closesOn: "2026-10-31" };

let coordinator: Actor;
let pilotId: string;

async function contractWithContent() {
  const { territory, contract } = await createContractWithStructure(db(), { axes: 2, fichesPerAxis: 2 });
  const coordinatorUser = await db().user.create({
    data: { email: `${randomUUID()}@exemple.test`, memberships: { create: { role: "coordinator", territoryId: territory.id } } },
  });
  const pilot = await db().user.create({
    data: { email: `${randomUUID()}@exemple.test`, memberships: { create: { role: "contributor", territoryId: territory.id } } },
  });
  const partner = await createOrganisation(db(), { name: `CPAM ${randomUUID()}` });
  const fiche = await db().ficheAction.findFirstOrThrow({ where: { contractId: contract.id, number: 1 } });
  await db().ficheAction.update({ where: { id: fiche.id }, data: { title: "Prévenir les chutes", pilotUserId: pilot.id, progress: 40 } });
  const objective = await db().operationalObjective.create({ data: { ficheId: fiche.id, position: 1, title: "Former 50 aidants" } });
  await db().commitment.create({
    data: {
      objectiveId: objective.id,
      organisationId: partner.id,
      description: "Financer les ateliers",
      status: "in_progress",
      progress: 30,
      financialAmount: "12500.50",
    },
  });
  const indicator = await db().indicator.create({
    data: { ficheId: fiche.id, objectiveId: objective.id, name: "Aidants formés", level: "result", baselineValue: "0", targetValue: "50" },
  });
  await db().measurement.create({ data: { indicatorId: indicator.id, measuredOn: new Date("2025-06-30"), value: "18" } });
  await db().budgetLine.create({ data: { ficheId: fiche.id, funderLabel: "ARS (FIR)", year: 2025, amount: "30000.00" } });
  await db().milestone.create({ data: { ficheId: fiche.id, title: "Premier atelier", dueOn: new Date("2025-03-01") } });
  return { territory, contract, fiche, objective, indicator, coordinatorId: coordinatorUser.id, pilotId: pilot.id };
}

let world: Awaited<ReturnType<typeof contractWithContent>>;

beforeAll(async () => {
  world = await contractWithContent();
  coordinator = await actorForUser(world.coordinatorId);
  pilotId = world.pilotId;
});

describe("contract snapshots", () => {
  it("hold what the contract held, and keep it after the contract is edited", async () => {
    const created = await db().$transaction((tx) => createContractSnapshot(tx, world.contract.id, "campaign_close", coordinator));
    const { content, version } = await readContractSnapshot(db(), created.id);
    expect(version).toBe(1);
    expect(content.schemaVersion).toBe(1);
    expect(content.axes).toHaveLength(2);
    expect(content.fiches).toHaveLength(4);
    const fiche = content.fiches.find((frozen) => frozen.id === world.fiche.id)!;
    expect(fiche.values).toMatchObject({ title: "Prévenir les chutes", progress: 40, number: 1 });
    expect(fiche.shown.title).toBe("Prévenir les chutes");
    expect(fiche.values.budget_lines).toEqual([expect.objectContaining({ funderLabel: "ARS (FIR)", amount: "30000", year: 2025 })]);
    expect(JSON.stringify(fiche.values)).toContain("Premier atelier");
    expect(fiche.objectives).toEqual([
      expect.objectContaining({
        id: world.objective.id,
        values: expect.objectContaining({ title: "Former 50 aidants" }),
        commitments: [
          expect.objectContaining({
            values: expect.objectContaining({
              description: "Financer les ateliers",
              status: "in_progress",
              progress: 30,
              financial_amount: "12500.5",
            }),
          }),
        ],
      }),
    ]);
    expect(fiche.indicators).toEqual([
      expect.objectContaining({
        id: world.indicator.id,
        values: expect.objectContaining({ name: "Aidants formés", target_value: "50" }),
        measurements: [expect.objectContaining({ measuredOn: "2025-06-30", value: "18" })],
      }),
    ]);

    await db().ficheAction.update({ where: { id: world.fiche.id }, data: { title: "Titre changé", progress: 90 } });
    await db().measurement.create({ data: { indicatorId: world.indicator.id, measuredOn: new Date("2026-06-30"), value: "45" } });
    const again = await readContractSnapshot(db(), created.id);
    expect(again.content).toEqual(content);
    await db().ficheAction.update({ where: { id: world.fiche.id }, data: { title: "Prévenir les chutes", progress: 40 } });
    await db().measurement.deleteMany({ where: { indicatorId: world.indicator.id, measuredOn: new Date("2026-06-30") } });
  });

  it("cannot be updated nor deleted, even by SQL", async () => {
    const created = await db().$transaction((tx) => createContractSnapshot(tx, world.contract.id, "publication", coordinator));
    await expect(db().contractSnapshot.update({ where: { id: created.id }, data: { content: {} } })).rejects.toThrow(/immutable/);
    await expect(db().$executeRaw`UPDATE "ContractSnapshot" SET "version" = 99 WHERE "id" = ${created.id}::uuid`).rejects.toThrow(
      /immutable/,
    );
    await expect(db().contractSnapshot.delete({ where: { id: created.id } })).rejects.toThrow(/immutable/);
    expect((await readContractSnapshot(db(), created.id)).version).toBe(created.version);
  });

  it("go away with their contract, and keep their content when their author's account is deleted", async () => {
    const other = await contractWithContent();
    const author = await db().user.create({ data: { email: `${randomUUID()}@exemple.test` } });
    const created = await db().$transaction((tx) => createContractSnapshot(tx, other.contract.id, "amendment", { userId: author.id }));
    await db().user.delete({ where: { id: author.id } });
    expect((await db().contractSnapshot.findUniqueOrThrow({ where: { id: created.id } })).createdById).toBeNull();
    await db().evaluationCampaign.create({
      data: { contractId: other.contract.id, kind: "final", status: "closed", snapshotId: created.id },
    });
    await db().contract.delete({ where: { id: other.contract.id } });
    expect(await db().contractSnapshot.count({ where: { id: created.id } })).toBe(0);
  });

  it("are read in a fixed number of queries, whatever the contract's size", async () => {
    const small = await createContractWithStructure(db(), { axes: 1, fichesPerAxis: 1 });
    const counted = async (contractId: string) =>
      (await countQueries(() => db().$transaction((tx) => createContractSnapshot(tx, contractId, "publication", coordinator)))).queries
        .length;
    expect(await counted(world.contract.id)).toBe(await counted(small.contract.id));
  });
});

describe("evaluation campaigns", () => {
  it("open one campaign at a time, notify the coordinators and pilots, and refuse writes once closed", async () => {
    const opened = await run(openCampaign, coordinator, { contractId: world.contract.id, kind: "mid_term", ...dates });
    expect(opened).toMatchObject({ ok: true });
    const campaign = await db().evaluationCampaign.findFirstOrThrow({ where: { contractId: world.contract.id, kind: "mid_term" } });
    const notified = await db().notification.findMany({
      where: { subjectId: campaign.id, kind: "campaign_opened" },
      select: { userId: true },
    });
    expect(notified.map((notice) => notice.userId).sort()).toEqual([world.coordinatorId, pilotId].sort());

    expect(await run(openCampaign, coordinator, { contractId: world.contract.id, kind: "final", ...dates })).toMatchObject({
      ok: false,
      fieldErrors: { kind: ALREADY_OPEN_MESSAGE },
    });
    expect(await run(openCampaign, coordinator, { contractId: world.contract.id, kind: "mid_term", ...dates })).toMatchObject({
      ok: false,
      fieldErrors: { kind: expect.stringContaining("déjà sa campagne") },
    });

    const update = { campaignId: campaign.id, ...dates, synthesis: "Une synthèse", recommendations: "" };
    expect(await run(updateCampaign, coordinator, { ...update, version: "1" })).toMatchObject({ ok: true });
    expect(await run(closeCampaign, coordinator, { campaignId: campaign.id, version: "2" })).toMatchObject({ ok: true });

    const closed = await db().evaluationCampaign.findUniqueOrThrow({ where: { id: campaign.id }, include: { snapshot: true } });
    expect(closed).toMatchObject({ status: "closed", synthesis: "Une synthèse", version: 3 });
    expect(closed.closedAt).toBeInstanceOf(Date);
    expect(closed.snapshot?.reason).toBe("campaign_close");
    expect((await readContractSnapshot(db(), closed.snapshotId!)).content.contract.id).toBe(world.contract.id);

    // Read-only: the action layer says why, whatever version the form holds.
    for (const version of ["2", "3"]) {
      expect(await run(updateCampaign, coordinator, { ...update, synthesis: "Réécrite", version })).toEqual({
        ok: false,
        reason: "refused",
        message: CLOSED_CAMPAIGN_MESSAGE,
      });
      expect(await run(closeCampaign, coordinator, { campaignId: campaign.id, version })).toMatchObject({
        ok: false,
        reason: "refused",
        message: CLOSED_CAMPAIGN_MESSAGE,
      });
    }
    expect(await db().evaluationCampaign.findUniqueOrThrow({ where: { id: campaign.id } })).toMatchObject({
      synthesis: "Une synthèse",
      version: 3,
    });
    expect(await db().contractSnapshot.count({ where: { contractId: world.contract.id, reason: "campaign_close" } })).toBe(2);

    // Once closed, the final campaign may open.
    expect(await run(openCampaign, coordinator, { contractId: world.contract.id, kind: "final", ...dates })).toMatchObject({ ok: true });
  });

  it("the guard refuses a closed campaign and lets an open one through", async () => {
    const { contract } = await createContractWithStructure(db(), { axes: 1, fichesPerAxis: 1 });
    const open = await db().evaluationCampaign.create({ data: { contractId: contract.id, kind: "mid_term" } });
    const closed = await db().evaluationCampaign.create({ data: { contractId: contract.id, kind: "final", status: "closed" } });
    await expect(db().$transaction((tx) => assertCampaignOpen(tx, open.id))).resolves.toBeUndefined();
    const refusal = await db()
      .$transaction((tx) => assertCampaignOpen(tx, closed.id))
      .catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RefusedError);
    expect((refusal as Error).message).toBe(CLOSED_CAMPAIGN_MESSAGE);
  });

  it("the database keeps at most one open campaign per contract", async () => {
    const { contract } = await createContractWithStructure(db(), { axes: 1, fichesPerAxis: 1 });
    await db().evaluationCampaign.create({ data: { contractId: contract.id, kind: "mid_term" } });
    await expect(db().evaluationCampaign.create({ data: { contractId: contract.id, kind: "final" } })).rejects.toThrow();
    await expect(
      db().evaluationCampaign.create({ data: { contractId: contract.id, kind: "final", status: "closed" } }),
    ).resolves.toBeDefined();
  });
});
