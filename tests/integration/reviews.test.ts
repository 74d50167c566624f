// The review workflow through executeAction against PostgreSQL: an ARS officer comments on a
// fiche and requests changes on the draft; coordinators answer, resolve and resubmit; the agency
// gives its favourable opinion once every thread is settled. Each step is audited and notifies
// the other side; versions guard threads and stages; another region's or territory's ids are not
// found; the open items read in one statement each.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { executeAction, type ActionDefinition } from "@/lib/actions/define";
import { actorForUser } from "@/lib/auth/actor";
import type { Actor } from "@/lib/authz";
import { getDb } from "@/lib/db/client";
import {
  answerReviewThread,
  approveReviewStage,
  commentReviewThread,
  openReviewThread,
  reopenReviewThread,
  requestReviewChanges,
  resolveReviewThread,
  settleReviewThread,
  submitReviewStage,
} from "@/lib/reviews/mutations";
import { Prisma } from "@/lib/db/generated/client";
import { listReviewThreads, listTerritoryOpenReviews, openReviewItemsCount } from "@/lib/reviews/queries";
import { getFicheReading } from "@/lib/fiches/reading";
import { NotFoundError } from "@/lib/authz";
import { createContract, createRegion, createTerritory } from "../fixtures/factories";
import { setupAppDatabase } from "../support/database";
import { countQueries } from "../support/query-count";

setupAppDatabase();

const db = () => getDb();
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any action, given raw input as a form would
const run = (definition: ActionDefinition<any, unknown>, actor: Actor, input: unknown) =>
  executeAction(definition, { db: db(), actor, ip: "192.0.2.1" }, input);

async function member(role: "coordinator" | "ars_officer", scope: { territoryId?: string; regionId?: string }) {
  const user = await db().user.create({
    data: {
      email: `${randomUUID()}@exemple.test`,
      name: role === "ars_officer" ? "Agente ARS" : "Coordination",
      memberships: { create: { role, ...scope } },
    },
  });
  return { id: user.id, actor: await actorForUser(user.id) };
}

async function setting() {
  const region = await createRegion(db());
  const territory = await createTerritory(db(), { regionId: region.id });
  const contract = await createContract(db(), { territoryId: territory.id, status: "preparation", visibility: "draft" });
  const axis = await db().axis.create({ data: { contractId: contract.id, position: 1, number: 1, title: "Prévention" } });
  const fiche = await db().ficheAction.create({
    data: { contractId: contract.id, axisId: axis.id, number: 4, title: "Ateliers nutrition" },
  });
  return {
    region,
    territory,
    contract,
    axis,
    fiche,
    coordinator: await member("coordinator", { territoryId: territory.id }),
    officer: await member("ars_officer", { regionId: region.id }),
  };
}

let world: Awaited<ReturnType<typeof setting>>;
let elsewhere: Awaited<ReturnType<typeof setting>>;
beforeAll(async () => {
  world = await setting();
  elsewhere = await setting();
});

const noticesOf = (userId: string) => db().notification.findMany({ where: { userId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });

describe("review threads", () => {
  it("an officer comments on a fiche, the coordinator answers and resolves, the officer reopens: audited and notified", async () => {
    const opened = await run(openReviewThread, world.officer.actor, {
      contractId: world.contract.id,
      targetKind: "fiche",
      targetId: world.fiche.id,
      body: "Quel public précis pour ces ateliers\u00a0?",
    });
    expect(opened).toMatchObject({ ok: true });
    const thread = await db().reviewThread.findFirstOrThrow({ where: { targetId: world.fiche.id }, include: { comments: true } });
    expect(thread).toMatchObject({ contractId: world.contract.id, status: "open", version: 1, createdById: world.officer.id });
    expect(thread.comments).toMatchObject([{ fromAgency: true, authorId: world.officer.id }]);

    const [notice] = await noticesOf(world.coordinator.id);
    expect(notice).toMatchObject({
      kind: "review_comment",
      subjectId: thread.id,
      title: "Fiche n°\u00a04 «\u00a0Ateliers nutrition\u00a0»",
      href: `/espace/${world.territory.slug}/contrats/${world.contract.id}#revue`,
    });

    expect(
      await run(answerReviewThread, world.coordinator.actor, { threadId: thread.id, body: "Les collégiens du quartier." }),
    ).toMatchObject({ ok: true });
    expect((await noticesOf(world.officer.id)).map((row) => [row.kind, row.href])).toEqual([
      ["review_answer", `/espace/${world.territory.slug}/contrats/${world.contract.id}/lecture#revue`],
    ]);
    // The answer moved the version: resolving from the version first seen is a conflict.
    expect(await run(settleReviewThread, world.coordinator.actor, { threadId: thread.id, version: "1" })).toMatchObject({
      ok: false,
      reason: "conflict",
    });
    expect(await run(settleReviewThread, world.coordinator.actor, { threadId: thread.id, version: "2" })).toMatchObject({ ok: true });
    expect(await db().reviewThread.findUniqueOrThrow({ where: { id: thread.id } })).toMatchObject({
      status: "resolved",
      resolvedById: world.coordinator.id,
      version: 3,
    });
    // Resolved: no more comments until the agency reopens it; coordinators cannot reopen.
    const late = await run(answerReviewThread, world.coordinator.actor, { threadId: thread.id, body: "Encore un mot." });
    expect(late).toMatchObject({ ok: false, reason: "refused", fieldErrors: { body: expect.stringContaining("résolue") } });
    expect(await run(reopenReviewThread, world.coordinator.actor, { threadId: thread.id, version: "3" })).toMatchObject({
      ok: false,
      reason: "notFound",
    });
    expect(await run(reopenReviewThread, world.officer.actor, { threadId: thread.id, version: "3" })).toMatchObject({ ok: true });
    expect(await run(commentReviewThread, world.officer.actor, { threadId: thread.id, body: "Et les parents\u00a0?" })).toMatchObject({
      ok: true,
    });
    expect(await run(resolveReviewThread, world.officer.actor, { threadId: thread.id, version: "5" })).toMatchObject({ ok: true });
    expect(await run(resolveReviewThread, world.officer.actor, { threadId: thread.id, version: "6" })).toMatchObject({
      ok: false,
      reason: "refused",
      message: "Cette discussion est déjà résolue.",
    });

    const events = await db().auditEvent.findMany({ where: { entityId: thread.id }, orderBy: [{ occurredAt: "asc" }, { id: "asc" }] });
    expect(events.map((event) => event.action)).toEqual([
      "review.thread.open",
      "review.thread.answer",
      "review.thread.resolve",
      "review.thread.reopen",
      "review.thread.comment",
      "review.thread.resolve",
    ]);
    expect(events.every((event) => event.territoryId === world.territory.id)).toBe(true);
    expect((await noticesOf(world.coordinator.id)).map((row) => row.kind)).toEqual([
      "review_comment",
      "review_reopened",
      "review_comment",
      "review_resolved",
    ]);
  });

  it("refuse a target of another contract, another region's officer and another territory's coordinator, as not found", async () => {
    for (const [targetKind, targetId] of [
      ["fiche", elsewhere.fiche.id],
      ["axis", elsewhere.axis.id],
      ["contract", elsewhere.contract.id],
      ["campaign", randomUUID()],
    ])
      expect(
        await run(openReviewThread, world.officer.actor, { contractId: world.contract.id, targetKind, targetId, body: "Remarque" }),
      ).toMatchObject({ ok: false, reason: "notFound" });
    expect(
      await run(openReviewThread, world.officer.actor, {
        contractId: elsewhere.contract.id,
        targetKind: "contract",
        targetId: elsewhere.contract.id,
        body: "Remarque",
      }),
    ).toMatchObject({ ok: false, reason: "notFound" });
    const foreign = await db().reviewThread.create({
      data: {
        contractId: elsewhere.contract.id,
        targetKind: "contract",
        targetId: elsewhere.contract.id,
        comments: { create: { fromAgency: true, body: "Remarque" } },
      },
    });
    expect(await run(answerReviewThread, world.coordinator.actor, { threadId: foreign.id, body: "Réponse" })).toMatchObject({
      ok: false,
      reason: "notFound",
    });
    expect(await run(resolveReviewThread, world.officer.actor, { threadId: foreign.id, version: "1" })).toMatchObject({
      ok: false,
      reason: "notFound",
    });
    expect(
      await run(openReviewThread, world.officer.actor, {
        contractId: world.contract.id,
        targetKind: "contract",
        targetId: world.contract.id,
        body: " ",
      }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { body: "Écrivez votre commentaire." },
    });
  });
});

describe("review stages", () => {
  it("the draft is submitted, sent back with a reason, answered, resubmitted and approved once every thread is settled", async () => {
    const draft = await createContract(db(), {
      territoryId: world.territory.id,
      generation: 2,
      status: "preparation",
      visibility: "draft",
    });
    const submit = (version: string) =>
      run(submitReviewStage, world.coordinator.actor, { subjectKind: "draft", subjectId: draft.id, version });
    expect(await submit("0")).toMatchObject({ ok: true });
    // A second first submission (another tab) is a conflict, not a second stage.
    expect(await submit("0")).toMatchObject({ ok: false, reason: "conflict" });
    const stage = await db().reviewStage.findFirstOrThrow({ where: { subjectId: draft.id } });
    expect(stage).toMatchObject({ state: "submitted", version: 1, contractId: draft.id });
    expect((await noticesOf(world.officer.id)).at(-1)).toMatchObject({ kind: "review_submitted", subjectId: stage.id, period: "v1" });

    // Officers only; a reason is required.
    expect(await run(requestReviewChanges, world.coordinator.actor, { stageId: stage.id, version: "1", reason: "x" })).toMatchObject({
      ok: false,
      reason: "notFound",
    });
    expect(await run(requestReviewChanges, world.officer.actor, { stageId: stage.id, version: "1", reason: "" })).toMatchObject({
      ok: false,
      fieldErrors: { reason: "Dites ce qui doit changer." },
    });
    expect(
      await run(requestReviewChanges, world.officer.actor, { stageId: stage.id, version: "1", reason: "Ajouter le volet santé mentale." }),
    ).toMatchObject({ ok: true });
    const reasonThread = await db().reviewThread.findFirstOrThrow({ where: { contractId: draft.id }, include: { comments: true } });
    expect(reasonThread).toMatchObject({ targetKind: "contract", targetId: draft.id, status: "open" });
    expect(reasonThread.comments[0].body).toBe("Ajouter le volet santé mentale.");
    expect((await noticesOf(world.coordinator.id)).at(-1)).toMatchObject({ kind: "review_changes_requested", subjectId: stage.id });

    expect(await submit("1")).toMatchObject({ ok: false, reason: "conflict" });
    expect(await run(answerReviewThread, world.coordinator.actor, { threadId: reasonThread.id, body: "Axe 4 ajouté." })).toMatchObject({
      ok: true,
    });
    expect(await submit("2")).toMatchObject({ ok: true });

    // The thread is still open: no favourable opinion yet.
    const refused = await run(approveReviewStage, world.officer.actor, { stageId: stage.id, version: "3" });
    expect(refused).toMatchObject({ ok: false, reason: "refused", message: expect.stringContaining("Une discussion est encore ouverte") });
    expect(await run(resolveReviewThread, world.officer.actor, { threadId: reasonThread.id, version: "2" })).toMatchObject({ ok: true });
    expect(await run(approveReviewStage, world.officer.actor, { stageId: stage.id, version: "3" })).toMatchObject({ ok: true });
    expect(await db().reviewStage.findUniqueOrThrow({ where: { id: stage.id } })).toMatchObject({
      state: "favourable",
      version: 4,
      decidedById: world.officer.id,
    });
    // Favourable is final.
    expect(await submit("4")).toMatchObject({ ok: false, reason: "refused" });

    const events = await db().auditEvent.findMany({ where: { entityId: stage.id }, orderBy: [{ occurredAt: "asc" }, { id: "asc" }] });
    expect(events.map((event) => event.action)).toEqual([
      "review.stage.submit",
      "review.stage.requestChanges",
      "review.stage.submit",
      "review.stage.approve",
    ]);
    expect(events[1].changes).toMatchObject({ reason: { before: null, after: "Ajouter le volet santé mentale." } });
  });

  it("a signed contract's draft and an open campaign's report are refused, with the reason", async () => {
    const signed = await createContract(db(), { territoryId: world.territory.id, generation: 3, status: "signed" });
    expect(
      await run(submitReviewStage, world.coordinator.actor, { subjectKind: "draft", subjectId: signed.id, version: "0" }),
    ).toMatchObject({
      ok: false,
      reason: "refused",
      message: expect.stringContaining("signé"),
    });
    const campaign = await db().evaluationCampaign.create({ data: { contractId: signed.id, kind: "mid_term" } });
    const report = { subjectKind: "evaluation_report", subjectId: campaign.id, version: "0" };
    expect(await run(submitReviewStage, world.coordinator.actor, report)).toMatchObject({
      ok: false,
      message: expect.stringContaining("close"),
    });
    await db().evaluationCampaign.update({ where: { id: campaign.id }, data: { status: "closed", closedAt: new Date() } });
    expect(await run(submitReviewStage, world.coordinator.actor, report)).toMatchObject({ ok: true });
    // Another territory's coordinator does not find it.
    expect(await run(submitReviewStage, elsewhere.coordinator.actor, { ...report, version: "1" })).toMatchObject({
      ok: false,
      reason: "notFound",
    });
    expect(await db().reviewStage.count({ where: { subjectId: signed.id } })).toBe(0);
  });
});

describe("review reads", () => {
  it("list a contract's threads with their target and comments, and a territory's open items, one statement each", async () => {
    const { result: threads, queries } = await countQueries(() => listReviewThreads(db(), { contractId: world.contract.id }));
    expect(queries).toHaveLength(1);
    expect(threads[0]).toMatchObject({ targetLabel: "Fiche n°\u00a04 «\u00a0Ateliers nutrition\u00a0»", status: "resolved" });
    expect(threads[0].comments.map((comment) => [comment.fromAgency, comment.author])).toEqual([
      [true, "Agente ARS"],
      [false, "Coordination"],
      [true, "Agente ARS"],
    ]);
    expect(threads[0].comments[0].createdAt).toBeInstanceOf(Date);

    await run(openReviewThread, world.officer.actor, {
      contractId: world.contract.id,
      targetKind: "axis",
      targetId: world.axis.id,
      body: "Et l’axe\u00a0?",
    });
    const open = await listTerritoryOpenReviews(db(), world.coordinator.actor, world.territory);
    expect(open.threads.map((thread) => thread.targetLabel)).toEqual(["Axe 1 «\u00a0Prévention\u00a0»"]);
    expect(open.stages.map((stage) => stage.subjectKind)).toEqual(["evaluation_report"]);
    await expect(listTerritoryOpenReviews(db(), world.officer.actor, world.territory)).rejects.toThrow(/Denied/);

    const countOf = async (contractId: string) =>
      (await db().$queryRaw<[{ count: number }]>`SELECT ${openReviewItemsCount(Prisma.sql`${contractId}::uuid`)} AS count`)[0].count;
    // Here the axis's thread (the fiche's is resolved); there the thread the refusals above aimed at.
    expect(await countOf(world.contract.id)).toBe(1);
    expect(await countOf(elsewhere.contract.id)).toBe(1);
    // The report submitted above awaits the agency.
    const signed = await db().contract.findFirstOrThrow({ where: { territoryId: world.territory.id, generation: 3 } });
    expect(await countOf(signed.id)).toBe(1);
  });

  it("read a fiche whole in one statement for the region's officer, and not for another region's", async () => {
    const { result: fiche, queries } = await countQueries(() =>
      getFicheReading(world.officer.actor, world.territory.slug, world.contract.id, world.fiche.id),
    );
    expect(queries).toHaveLength(1);
    expect(fiche).toMatchObject({ id: world.fiche.id, title: "Ateliers nutrition", objectives: [], indicators: [] });
    await expect(getFicheReading(elsewhere.officer.actor, world.territory.slug, world.contract.id, world.fiche.id)).rejects.toThrow(
      NotFoundError,
    );
    // A fiche of another contract, under this one's path, is not found either.
    await expect(getFicheReading(world.officer.actor, world.territory.slug, world.contract.id, elsewhere.fiche.id)).rejects.toThrow(
      NotFoundError,
    );
  });
});
