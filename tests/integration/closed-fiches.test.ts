// A fiche a signed amendment closed has left the contract's plan: it is no longer saved nor put in
// the trash (the page says why), and neither the public roll-up nor the portfolio's kept counts
// count it, while it stays listed.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { executeAction, type ActionDefinition } from "@/lib/actions/define";
import { actorForUser } from "@/lib/auth/actor";
import type { Actor } from "@/lib/authz";
import { getDb } from "@/lib/db/client";
import { deleteFiche, updateFiche } from "@/lib/fiches/mutations";
import { publishAllFiches } from "@/lib/publication/publish";
import { listPublicFicheProgress, publicProgress } from "@/lib/public-pages/progress";
import { createContractWithStructure } from "../fixtures/factories";
import { setupAppDatabase } from "../support/database";

setupAppDatabase();

const db = () => getDb();
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any action, given raw input as a form would
const run = (definition: ActionDefinition<any, unknown>, actor: Actor, input: unknown) =>
  executeAction(definition, { db: db(), actor, ip: "192.0.2.1" }, input);

let world: Awaited<ReturnType<typeof createContractWithStructure>>;
let coordinator: Actor;
let fiches: { id: string; axisId: string; number: number; version: number }[];

/** The contract's public roll-up, as its territory page computes it. */
async function publicRollUp() {
  const contract = await db().contract.findUniqueOrThrow({
    where: { id: world.contract.id },
    select: {
      id: true,
      axes: { orderBy: { position: "asc" }, select: { id: true, number: true, title: true, isTransversal: true } },
      publicFiches: { orderBy: { number: "asc" }, select: { ficheId: true, axisId: true } },
    },
  });
  return publicProgress(contract.axes, contract.publicFiches, await listPublicFicheProgress(contract));
}

/** Saves fiche `index` from its current version with the title, status and progress given, as its form sends them. */
async function saveFiche(index: number, title: string, status: string, progress: string) {
  const { version } = await db().ficheAction.findUniqueOrThrow({ where: { id: fiches[index].id }, select: { version: true } });
  const result = await run(updateFiche, coordinator, {
    ficheId: fiches[index].id,
    version: String(version),
    axisId: fiches[index].axisId,
    title,
    geographicScope: "whole_territory",
    status,
    progress,
  });
  return { result, version };
}

beforeAll(async () => {
  world = await createContractWithStructure(db(), { axes: 1, fichesPerAxis: 2 });
  const user = await db().user.create({
    data: { email: `${randomUUID()}@exemple.test`, memberships: { create: { role: "coordinator", territoryId: world.territory.id } } },
  });
  coordinator = await actorForUser(user.id);
  fiches = await db().ficheAction.findMany({
    where: { contractId: world.contract.id },
    orderBy: { number: "asc" },
    select: { id: true, axisId: true, number: true, version: true },
  });
  await db().ficheAction.update({ where: { id: fiches[0].id }, data: { status: "completed", progress: 100 } });
  await db().$transaction((tx) => publishAllFiches(tx, world.contract.id, { userId: null }));
});

describe("a fiche closed by a signed amendment", () => {
  it("leaves the public roll-up and the kept counts, and stays listed", async () => {
    const before = await publicRollUp();
    expect(before).toMatchObject({ fiches: 2, closed: 0, overall: 50, started: true });
    // What signing the amendment writes (lib/amendments/mutations.ts), with its version bump.
    await db().ficheAction.update({ where: { id: fiches[1].id }, data: { closedOn: new Date("2026-11-20"), version: { increment: 1 } } });

    const after = await publicRollUp();
    expect(after).toMatchObject({ fiches: 1, closed: 1, overall: 100 });
    expect(after.fichesByStatus.summary).toBe("1\u00a0fiche action\u00a0: 1 réalisée.");
    expect(await db().publicFiche.count({ where: { contractId: world.contract.id } })).toBe(2);
    expect(await db().contractFicheStats.findUniqueOrThrow({ where: { contractId: world.contract.id } })).toMatchObject({
      fiches: 1,
      fichesNotStarted: 0,
      fichesCompleted: 1,
      progress: 100,
    });
  });

  it("is neither saved nor put in the trash, and says why", async () => {
    const why =
      "Cette fiche a été close par un avenant le 20\u00a0novembre\u00a02026\u00a0: elle reste dans l’historique du contrat et ne se modifie plus.";
    const { result: saved, version } = await saveFiche(1, "Fiche réécrite après sa clôture", "in_progress", "40");
    expect(saved).toMatchObject({ ok: false, message: why });
    const trashed = await run(deleteFiche, coordinator, { ficheId: fiches[1].id, version: String(version) });
    expect(trashed).toMatchObject({ ok: false, message: why });
    expect(await db().ficheAction.findUniqueOrThrow({ where: { id: fiches[1].id } })).toMatchObject({
      title: "Fiche 2",
      deletedAt: null,
      version,
    });
  });

  it("leaves the fiches still in the plan as editable as before", async () => {
    expect((await saveFiche(0, "Fiche 1 précisée", "completed", "100")).result).toMatchObject({ ok: true });
  });
});
