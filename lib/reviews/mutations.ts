// The review workflow's actions. ARS officers ("review.comment", on their region) open threads on
// a contract, an axis, a fiche or a campaign, comment, resolve and reopen them, request changes or
// give a favourable opinion on a stage; coordinators ("review.answer", on their territory) answer,
// resolve, and submit or resubmit a stage. What may be done from which state is
// ./workflow.ts's table. Every step writes its audit event and notifies the other side through
// the notification centre, in one transaction; threads and stages are saved from the version the
// user saw.
import { actionsOn, type ActionContext } from "@/lib/actions/define";
import { ConflictError, RefusedError } from "@/lib/actions/errors";
import { ok } from "@/lib/actions/result";
import { assertVersionMatched } from "@/lib/actions/versioned";
import { insertAudited, recordAudit } from "@/lib/audit/record";
import { NotFoundError } from "@/lib/authz";
import { amendmentLabel } from "@/lib/amendments/labels";
import { CAMPAIGN_KIND_LABELS } from "@/lib/campaigns/labels";
import { loadContractResource } from "@/lib/contracts/resource";
import type { Tx } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { ReviewStageState, ReviewSubjectKind, ReviewTargetKind, ReviewThreadStatus } from "@/lib/db/generated/enums";
import type { NotificationKind } from "@/lib/notifications/kinds";
import { notify } from "@/lib/notifications/post";
import { REVIEW_STAGE_STATE_LABELS, REVIEW_THREAD_STATUS_LABELS, reviewTargetLabel } from "./labels";
import { reviewHref, type ReviewPlace } from "./paths";
import { loadReviewStageResource, loadReviewSubjectResource, loadReviewThreadResource } from "./resource";
import {
  approveReviewStageSchema,
  commentReviewThreadSchema,
  openReviewThreadSchema,
  requestReviewChangesSchema,
  reviewThreadStepSchema,
  submitReviewStageSchema,
} from "./schema";
import { commentRefusal, stageTransition, threadTransition, type Side, type StageTransition, type ThreadTransition } from "./workflow";

// ---------------------------------------------------------------------------------------------
// What every step needs: the contract and its territory, who to notify, and where they answer.

type ContractFacts = {
  id: string;
  title: string;
  status: string;
  territory: { id: string; slug: string; name: string; regionId: string; departmentCodes: string[] };
};

async function contractFacts(tx: Tx, contractId: string): Promise<ContractFacts> {
  return tx.contract.findUniqueOrThrow({
    where: { id: contractId },
    select: {
      id: true,
      title: true,
      status: true,
      territory: { select: { id: true, slug: true, name: true, regionId: true, departmentCodes: true } },
    },
  });
}

/**
 * Posts a notice to the other side: officers' steps go to the territory's coordinators (who
 * answer on the contract page), coordinators' to the region's officers (who read the contract).
 */
async function notifyOtherSide(
  tx: Tx,
  from: Side,
  contract: ContractFacts,
  notice: { kind: NotificationKind; subjectId: string; period: string; title: string },
  place: ReviewPlace | null = null,
) {
  const members = await tx.membership.findMany({
    where:
      from === "officer"
        ? { role: "coordinator", territoryId: contract.territory.id, user: { disabledAt: null } }
        : {
            role: "ars_officer",
            regionId: contract.territory.regionId,
            // An officer of a délégation départementale hears only of its départements' contracts.
            OR: [{ departmentCodes: { isEmpty: true } }, { departmentCodes: { hasSome: contract.territory.departmentCodes } }],
            user: { disabledAt: null },
          },
    select: { userId: true },
    distinct: ["userId"],
  });
  const contractPath = `/espace/${contract.territory.slug}/contrats/${contract.id}`;
  await notify(
    tx,
    members.map(({ userId }) => ({
      userId,
      ...notice,
      context: `${contract.title} · ${contract.territory.name}`,
      href: reviewHref(contractPath, from === "officer" ? "coordinator" : "officer", place),
    })),
  );
}

/** The target's name, once checked to belong to the contract (another contract's id is not found). */
async function targetLabelOf(tx: Tx, contractId: string, targetKind: ReviewTargetKind, targetId: string): Promise<string> {
  const names = {
    targetKind,
    axisNumber: null,
    axisTransversal: null,
    axisTitle: null,
    ficheNumber: null,
    ficheTitle: null,
    campaignKind: null,
    amendmentNumber: null,
  };
  switch (targetKind) {
    case "contract":
      if (targetId !== contractId) throw new NotFoundError();
      return reviewTargetLabel(names);
    case "axis": {
      const axis = await tx.axis.findFirst({
        where: { id: targetId, contractId },
        select: { number: true, isTransversal: true, title: true },
      });
      if (!axis) throw new NotFoundError();
      return reviewTargetLabel({ ...names, axisNumber: axis.number, axisTransversal: axis.isTransversal, axisTitle: axis.title });
    }
    case "fiche": {
      const fiche = await tx.ficheAction.findFirst({
        where: { id: targetId, contractId, deletedAt: null },
        select: { number: true, title: true },
      });
      if (!fiche) throw new NotFoundError();
      return reviewTargetLabel({ ...names, ficheNumber: fiche.number, ficheTitle: fiche.title });
    }
    case "campaign": {
      const campaign = await tx.evaluationCampaign.findFirst({ where: { id: targetId, contractId }, select: { kind: true } });
      if (!campaign) throw new NotFoundError();
      return reviewTargetLabel({ ...names, campaignKind: campaign.kind });
    }
    case "amendment": {
      const amendment = await tx.amendment.findFirst({ where: { id: targetId, contractId }, select: { number: true } });
      if (!amendment) throw new NotFoundError();
      return reviewTargetLabel({ ...names, amendmentNumber: amendment.number });
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Threads.

/** Opens a thread with its first comment; returns its id. */
async function openThread(
  tx: Tx,
  context: ActionContext,
  contract: ContractFacts,
  target: { targetKind: ReviewTargetKind; targetId: string; label: string },
  body: string,
  { notice = true } = {},
) {
  const thread = await insertAudited(
    tx,
    context,
    {
      action: "review.thread.open",
      entityType: "ReviewThread",
      entityLabel: `${target.label} (${contract.title})`,
      territoryId: contract.territory.id,
      after: { status: "open", comment: body },
    },
    (tx) =>
      tx.reviewThread.create({
        data: {
          contractId: contract.id,
          targetKind: target.targetKind,
          targetId: target.targetId,
          createdById: context.actor.userId,
          comments: { create: { authorId: context.actor.userId, fromAgency: true, body } },
        },
        select: { id: true, comments: { select: { id: true } } },
      }),
  );
  if (notice)
    await notifyOtherSide(
      tx,
      "officer",
      contract,
      { kind: "review_comment", subjectId: thread.id, period: thread.comments[0].id, title: target.label },
      { kind: target.targetKind, id: target.targetId },
    );
  return thread.id;
}

export const openReviewThread = actionsOn("review.comment", (db, { contractId }: { contractId: string }) =>
  loadContractResource(db, contractId),
)("review.thread.open", openReviewThreadSchema, async (context, input) => {
  await context.db.$transaction(async (tx) => {
    const contract = await contractFacts(tx, input.contractId);
    const label = await targetLabelOf(tx, contract.id, input.targetKind, input.targetId);
    await openThread(tx, context, contract, { targetKind: input.targetKind, targetId: input.targetId, label }, input.body);
  });
  return ok(null, "Votre commentaire est publié\u00a0; les coordinateurs du territoire en sont avertis.");
});

type ThreadFacts = {
  id: string;
  contractId: string;
  targetKind: ReviewTargetKind;
  targetId: string;
  status: ReviewThreadStatus;
  version: number;
};

async function threadFacts(tx: Tx, threadId: string): Promise<{ thread: ThreadFacts; contract: ContractFacts; label: string }> {
  const thread = await tx.reviewThread.findUniqueOrThrow({
    where: { id: threadId },
    select: { id: true, contractId: true, targetKind: true, targetId: true, status: true, version: true },
  });
  const contract = await contractFacts(tx, thread.contractId);
  const label = await targetLabelOf(tx, thread.contractId, thread.targetKind, thread.targetId).catch((error: unknown) => {
    // A thread outlives its target in the trash: it still reads as something.
    if (error instanceof NotFoundError) return "Élément supprimé";
    throw error;
  });
  return { thread, contract, label };
}

/** Adds a comment to an open thread (officers comment, coordinators answer). */
function commentOn(side: Side) {
  return async (context: ActionContext, input: { threadId: string; body: string }) => {
    await context.db.$transaction(async (tx) => {
      const { thread, contract, label } = await threadFacts(tx, input.threadId);
      // The status is checked in the write: a thread resolved meanwhile takes no comment.
      const { count } = await tx.reviewThread.updateMany({
        where: { id: thread.id, status: "open" },
        data: { version: { increment: 1 } },
      });
      if (count === 0) throw new RefusedError(commentRefusal("resolved") ?? "", "body");
      const comment = await tx.reviewComment.create({
        data: { threadId: thread.id, authorId: context.actor.userId, fromAgency: side === "officer", body: input.body },
        select: { id: true },
      });
      await recordAudit(tx, context, {
        action: side === "officer" ? "review.thread.comment" : "review.thread.answer",
        entityType: "ReviewThread",
        entityId: thread.id,
        entityLabel: `${label} (${contract.title})`,
        territoryId: contract.territory.id,
        after: { comment: input.body },
      });
      await notifyOtherSide(
        tx,
        side,
        contract,
        { kind: side === "officer" ? "review_comment" : "review_answer", subjectId: thread.id, period: comment.id, title: label },
        { kind: thread.targetKind, id: thread.targetId },
      );
    });
    return ok(null, side === "officer" ? "Votre commentaire est publié." : "Votre réponse est publiée\u00a0; l’ARS en est avertie.");
  };
}

const THREAD_STEP_WORDS: Record<ThreadTransition, { kind: NotificationKind; message: string }> = {
  resolve: { kind: "review_resolved", message: "La discussion est résolue." },
  reopen: { kind: "review_reopened", message: "La discussion est rouverte." },
};

/** Resolves or reopens a thread from the version the user saw, as ./workflow.ts allows the side. */
function stepThread(side: Side, transition: ThreadTransition) {
  return async (context: ActionContext, input: { threadId: string; version: number }) => {
    await context.db.$transaction(async (tx) => {
      const { thread, contract, label } = await threadFacts(tx, input.threadId);
      if (thread.version !== input.version) throw new ConflictError();
      const decision = threadTransition(transition, side, thread.status);
      if (!decision.ok) throw new RefusedError(decision.message);
      const resolved = decision.to === "resolved";
      assertVersionMatched(
        await tx.reviewThread.updateMany({
          where: { id: thread.id, version: input.version },
          data: {
            status: decision.to,
            resolvedAt: resolved ? new Date() : null,
            resolvedById: resolved ? context.actor.userId : null,
            version: { increment: 1 },
          },
        }),
      );
      await recordAudit(tx, context, {
        action: `review.thread.${transition}`,
        entityType: "ReviewThread",
        entityId: thread.id,
        entityLabel: `${label} (${contract.title})`,
        territoryId: contract.territory.id,
        before: { status: REVIEW_THREAD_STATUS_LABELS[thread.status] },
        after: { status: REVIEW_THREAD_STATUS_LABELS[decision.to] },
      });
      await notifyOtherSide(
        tx,
        side,
        contract,
        { kind: THREAD_STEP_WORDS[transition].kind, subjectId: thread.id, period: `v${input.version + 1}`, title: label },
        { kind: thread.targetKind, id: thread.targetId },
      );
    });
    return ok(null, THREAD_STEP_WORDS[transition].message);
  };
}

const officerOnThread = actionsOn("review.comment", (db, { threadId }: { threadId: string }) => loadReviewThreadResource(db, threadId));
const coordinatorOnThread = actionsOn("review.answer", (db, { threadId }: { threadId: string }) => loadReviewThreadResource(db, threadId));

export const commentReviewThread = officerOnThread("review.thread.comment", commentReviewThreadSchema, commentOn("officer"));
export const answerReviewThread = coordinatorOnThread("review.thread.answer", commentReviewThreadSchema, commentOn("coordinator"));
export const resolveReviewThread = officerOnThread("review.thread.resolve", reviewThreadStepSchema, stepThread("officer", "resolve"));
export const reopenReviewThread = officerOnThread("review.thread.reopen", reviewThreadStepSchema, stepThread("officer", "reopen"));
export const settleReviewThread = coordinatorOnThread("review.thread.settle", reviewThreadStepSchema, stepThread("coordinator", "resolve"));

// ---------------------------------------------------------------------------------------------
// Stages.

type SubjectFacts = {
  contract: ContractFacts;
  campaignStatus: string | null;
  amendmentStatus: string | null;
  label: string;
  threadTarget: { targetKind: ReviewTargetKind; targetId: string };
};

/** The subject of a stage, checked to be the contract's (a campaign of another contract is not found). */
async function subjectFacts(tx: Tx, subjectKind: ReviewSubjectKind, subjectId: string): Promise<SubjectFacts> {
  if (subjectKind === "draft") {
    const contract = await contractFacts(tx, subjectId);
    return {
      contract,
      campaignStatus: null,
      amendmentStatus: null,
      label: `Projet de contrat «\u00a0${contract.title}\u00a0»`,
      threadTarget: { targetKind: "contract", targetId: contract.id },
    };
  }
  if (subjectKind === "amendment") {
    const amendment = await tx.amendment.findUnique({ where: { id: subjectId }, select: { contractId: true, number: true, status: true } });
    if (!amendment) throw new NotFoundError();
    const contract = await contractFacts(tx, amendment.contractId);
    return {
      contract,
      campaignStatus: null,
      amendmentStatus: amendment.status,
      label: `${amendmentLabel(amendment.number)} «\u00a0${contract.title}\u00a0»`,
      threadTarget: { targetKind: "amendment", targetId: subjectId },
    };
  }
  const campaign = await tx.evaluationCampaign.findUnique({
    where: { id: subjectId },
    select: { contractId: true, kind: true, status: true },
  });
  if (!campaign) throw new NotFoundError();
  const contract = await contractFacts(tx, campaign.contractId);
  return {
    contract,
    campaignStatus: campaign.status,
    amendmentStatus: null,
    label: `Rapport de l’${CAMPAIGN_KIND_LABELS[campaign.kind].toLowerCase()} «\u00a0${contract.title}\u00a0»`,
    threadTarget: { targetKind: "campaign", targetId: subjectId },
  };
}

/** Threads still open on the subject: anywhere in the contract for its draft, on the campaign for its report, on the amendment for it. */
function countOpenThreads(tx: Tx, subjectKind: ReviewSubjectKind, subject: SubjectFacts) {
  return tx.reviewThread.count({
    where:
      subjectKind === "draft"
        ? { contractId: subject.contract.id, status: "open" }
        : { contractId: subject.contract.id, status: "open", ...subject.threadTarget },
  });
}

const STAGE_STEP_WORDS: Record<StageTransition, { kind: NotificationKind; message: string }> = {
  submit: { kind: "review_submitted", message: "Le document est soumis à l’ARS\u00a0; elle en est avertie." },
  requestChanges: { kind: "review_changes_requested", message: "Votre demande de modifications est envoyée aux coordinateurs." },
  approve: { kind: "review_favourable", message: "Votre avis favorable est enregistré\u00a0; les coordinateurs en sont avertis." },
};

type StageRow = { id: string; state: ReviewStageState; version: number };

/**
 * Takes a stage's transition: checks the version the user saw and ./workflow.ts's guards, writes
 * the new state, its audit event and the other side's notices; a change request also opens a
 * thread on the subject with its reason, which the coordinators answer.
 */
async function stepStage(
  context: ActionContext,
  transition: StageTransition,
  subjectKind: ReviewSubjectKind,
  subjectId: string,
  version: number,
  reason: string | null,
) {
  const side: Side = transition === "submit" ? "coordinator" : "officer";
  await context.db.$transaction(async (tx) => {
    const subject = await subjectFacts(tx, subjectKind, subjectId);
    const stage: StageRow | null = await tx.reviewStage.findUnique({
      where: { subjectKind_subjectId: { subjectKind, subjectId } },
      select: { id: true, state: true, version: true },
    });
    if ((stage?.version ?? 0) !== version) throw new ConflictError();
    const from = stage?.state ?? "not_submitted";
    const decision = stageTransition(transition, from, {
      subjectKind,
      contractStatus: subject.contract.status,
      campaignStatus: subject.campaignStatus,
      amendmentStatus: subject.amendmentStatus,
      openThreads: transition === "approve" ? await countOpenThreads(tx, subjectKind, subject) : 0,
      reason,
    });
    if (!decision.ok) throw new RefusedError(decision.message, decision.field);
    const now = new Date();
    const data = {
      state: decision.to,
      ...(side === "coordinator" ? { submittedAt: now } : { decidedAt: now, decidedById: context.actor.userId }),
    };
    const saved = stage
      ? (assertVersionMatched(
          await tx.reviewStage.updateMany({ where: { id: stage.id, version }, data: { ...data, version: { increment: 1 } } }),
        ),
        { id: stage.id, version: version + 1 })
      : await tx.reviewStage
          .create({ data: { contractId: subject.contract.id, subjectKind, subjectId, ...data }, select: { id: true, version: true } })
          .catch((error: unknown) => {
            // Two first submissions at once: the second finds the stage created.
            if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw new ConflictError();
            throw error;
          });
    await recordAudit(tx, context, {
      action: `review.stage.${transition}`,
      entityType: "ReviewStage",
      entityId: saved.id,
      entityLabel: subject.label,
      territoryId: subject.contract.territory.id,
      before: { state: REVIEW_STAGE_STATE_LABELS[from] },
      after: { state: REVIEW_STAGE_STATE_LABELS[decision.to], ...(reason ? { reason } : {}) },
    });
    // The reason opens a thread the coordinators answer; the stage's own notice tells them.
    if (transition === "requestChanges" && reason)
      await openThread(tx, context, subject.contract, { ...subject.threadTarget, label: subject.label }, reason, { notice: false });
    await notifyOtherSide(
      tx,
      side,
      subject.contract,
      { kind: STAGE_STEP_WORDS[transition].kind, subjectId: saved.id, period: `v${saved.version}`, title: subject.label },
      { kind: subjectKind, id: subjectId },
    );
  });
  return ok(null, STAGE_STEP_WORDS[transition].message);
}

export const submitReviewStage = actionsOn(
  "review.answer",
  (db, { subjectKind, subjectId }: { subjectKind: ReviewSubjectKind; subjectId: string }) =>
    loadReviewSubjectResource(db, subjectKind, subjectId),
)("review.stage.submit", submitReviewStageSchema, (context, input) =>
  stepStage(context, "submit", input.subjectKind, input.subjectId, input.version, null),
);

const officerOnStage = actionsOn("review.comment", (db, { stageId }: { stageId: string }) => loadReviewStageResource(db, stageId));

/** An existing stage's subject, for the officers' steps (which need a submitted stage). */
async function stageSubject(context: ActionContext, stageId: string) {
  const stage = await context.db.reviewStage.findUnique({ where: { id: stageId }, select: { subjectKind: true, subjectId: true } });
  if (!stage) throw new NotFoundError();
  return stage;
}

export const requestReviewChanges = officerOnStage("review.stage.requestChanges", requestReviewChangesSchema, async (context, input) => {
  const { subjectKind, subjectId } = await stageSubject(context, input.stageId);
  return stepStage(context, "requestChanges", subjectKind, subjectId, input.version, input.reason);
});

export const approveReviewStage = officerOnStage("review.stage.approve", approveReviewStageSchema, async (context, input) => {
  const { subjectKind, subjectId } = await stageSubject(context, input.stageId);
  return stepStage(context, "approve", subjectKind, subjectId, input.version, null);
});
