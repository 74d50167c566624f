// Evaluation campaigns of a contract: a coordinator opens one (mid-term or final), edits its
// dates and synthesis while it is open, and closes it, which freezes the contract's content in a
// snapshot (lib/snapshots) in the same transaction. There is no reopening: a closed campaign's
// figures never change (every write goes through assertCampaignOpen).
import { actionsOn, type ActionContext } from "@/lib/actions/define";
import { campaignPath } from "@/lib/assessments/paths";
import { fieldError, ok } from "@/lib/actions/result";
import { onContract } from "@/lib/actions/targets";
import { assertVersionMatched, saveVersioned } from "@/lib/actions/versioned";
import { insertAudited } from "@/lib/audit/record";
import { lockContract } from "@/lib/contracts/lock";
import type { Tx } from "@/lib/db/client";
import { uniqueViolationTarget } from "@/lib/db/errors";
import { isoDay } from "@/lib/format";
import { notify } from "@/lib/notifications/post";
import { readLiveEvaluation } from "@/lib/evaluations/read";
import { createContractSnapshot } from "@/lib/snapshots/create";
import { assertCampaignOpen } from "./guard";
import { CAMPAIGN_KIND_LABELS } from "./labels";
import { loadCampaignResource } from "./resource";
import { closeCampaignSchema, openCampaignSchema, updateCampaignSchema, type OpenCampaignInput } from "./schema";

/** How long closing may take: the snapshot reads the whole contract and its evaluation. */
const CLOSING_TIMEOUT_MS = 30_000;

export const ALREADY_OPEN_MESSAGE = "Une campagne est déjà ouverte pour ce contrat\u00a0: clôturez-la avant d’en ouvrir une autre.";
const alreadyHeld = (kind: keyof typeof CAMPAIGN_KIND_LABELS) =>
  `Ce contrat a déjà sa campagne d’${CAMPAIGN_KIND_LABELS[kind].toLowerCase()}.`;

/** A campaign's dates and texts as its audit events keep them. */
const snapshotOf = (campaign: {
  periodStart: Date | null;
  periodEnd: Date | null;
  opensOn: Date | null;
  closesOn: Date | null;
  synthesis?: string | null;
  recommendations?: string | null;
}) => ({
  periodStart: isoDay(campaign.periodStart),
  periodEnd: isoDay(campaign.periodEnd),
  opensOn: isoDay(campaign.opensOn),
  closesOn: isoDay(campaign.closesOn),
  ...(campaign.synthesis !== undefined ? { synthesis: campaign.synthesis } : {}),
  ...(campaign.recommendations !== undefined ? { recommendations: campaign.recommendations } : {}),
});

/** Tells the territory's coordinators and the contract's fiche pilots that their assessments are expected. */
async function notifyOpening(tx: Tx, campaignId: string, input: OpenCampaignInput) {
  const contract = await tx.contract.findUniqueOrThrow({
    where: { id: input.contractId },
    select: {
      title: true,
      territory: {
        select: { slug: true, memberships: { where: { role: "coordinator" }, select: { userId: true } } },
      },
      fiches: { where: { deletedAt: null, pilotUserId: { not: null } }, distinct: ["pilotUserId"], select: { pilotUserId: true } },
    },
  });
  const recipients = new Set([
    ...contract.territory.memberships.map((membership) => membership.userId),
    ...contract.fiches.map((fiche) => fiche.pilotUserId!),
  ]);
  await notify(
    tx,
    [...recipients].map((userId) => ({
      userId,
      kind: "campaign_opened" as const,
      subjectId: campaignId,
      period: isoDay(input.opensOn)!,
      title: `${CAMPAIGN_KIND_LABELS[input.kind]} ouverte`,
      context: contract.title,
      href: campaignPath({ territorySlug: contract.territory.slug, contractId: input.contractId, campaignId }),
      dueOn: input.closesOn ?? undefined,
    })),
  );
}

export const openCampaign = onContract(
  "campaign.open",
  openCampaignSchema,
  async (context: ActionContext, input, { territoryId = null }) => {
    const { contractId, kind, ...dates } = input;
    try {
      const refusal = await context.db.$transaction(async (tx) => {
        await lockContract(tx, contractId);
        const held = await tx.evaluationCampaign.findMany({ where: { contractId }, select: { kind: true, status: true } });
        if (held.some((campaign) => campaign.kind === kind)) return fieldError("kind", alreadyHeld(kind));
        if (held.some((campaign) => campaign.status === "open")) return fieldError("kind", ALREADY_OPEN_MESSAGE);
        const campaign = await insertAudited(
          tx,
          context,
          {
            action: "campaign.open",
            entityType: "EvaluationCampaign",
            entityLabel: CAMPAIGN_KIND_LABELS[kind],
            territoryId,
            after: { kind: CAMPAIGN_KIND_LABELS[kind], ...snapshotOf(dates) },
          },
          (tx) => tx.evaluationCampaign.create({ data: { contractId, kind, ...dates }, select: { id: true } }),
        );
        await notifyOpening(tx, campaign.id, input);
        return null;
      });
      if (refusal) return refusal;
    } catch (error) {
      // The checks above run under the contract's lock; the indexes are the last word all the same.
      const target = uniqueViolationTarget(error);
      if (target?.includes("EvaluationCampaign_open_key")) return fieldError("kind", ALREADY_OPEN_MESSAGE);
      if (target) return fieldError("kind", alreadyHeld(kind));
      throw error;
    }
    return ok(null, `${CAMPAIGN_KIND_LABELS[kind]}\u00a0: la campagne est ouverte.`);
  },
);

const onCampaign = actionsOn("contract.edit", (db, { campaignId }: { campaignId: string }) => loadCampaignResource(db, campaignId));

export const updateCampaign = onCampaign("campaign.update", updateCampaignSchema, async (context, input, { territoryId = null }) => {
  const { campaignId, version, ...fields } = input;
  const before = await context.db.evaluationCampaign.findUniqueOrThrow({ where: { id: campaignId } });
  await saveVersioned(
    context,
    {
      action: "campaign.update",
      entityType: "EvaluationCampaign",
      entityId: campaignId,
      entityLabel: CAMPAIGN_KIND_LABELS[before.kind],
      territoryId,
      baseVersion: version,
    },
    async (tx) => {
      await assertCampaignOpen(tx, campaignId);
      assertVersionMatched(
        await tx.evaluationCampaign.updateMany({
          where: { id: campaignId, version, status: "open" },
          data: { ...fields, version: { increment: 1 } },
        }),
      );
      return { before: snapshotOf(before), after: snapshotOf(fields) };
    },
  );
  return ok(null, "Campagne enregistrée.");
});

export const closeCampaign = onCampaign("campaign.close", closeCampaignSchema, async (context, input, { territoryId = null }) => {
  const campaign = await context.db.evaluationCampaign.findUniqueOrThrow({
    where: { id: input.campaignId },
    select: { id: true, contractId: true, kind: true, periodStart: true },
  });
  let snapshotVersion = 0;
  await saveVersioned(
    context,
    {
      action: "campaign.close",
      entityType: "EvaluationCampaign",
      entityId: input.campaignId,
      entityLabel: CAMPAIGN_KIND_LABELS[campaign.kind],
      territoryId,
      baseVersion: input.version,
    },
    async (tx) => {
      await assertCampaignOpen(tx, input.campaignId);
      // The evaluation is frozen with the contract: a closed campaign's reports read nothing else.
      const evaluation = await readLiveEvaluation(tx, campaign, new Date());
      const snapshot = await createContractSnapshot(tx, campaign.contractId, "campaign_close", context.actor, { evaluation });
      assertVersionMatched(
        await tx.evaluationCampaign.updateMany({
          where: { id: input.campaignId, version: input.version, status: "open" },
          data: { status: "closed", closedAt: snapshot.createdAt, snapshotId: snapshot.id, version: { increment: 1 } },
        }),
      );
      snapshotVersion = snapshot.version;
      return { before: { status: "Ouverte" }, after: { status: "Close", snapshot: `n°\u00a0${snapshot.version}` } };
    },
    // Freezing a 120-fiche contract reads all of it: more than the default 5 s on a busy server.
    { timeoutMs: CLOSING_TIMEOUT_MS },
  );
  return ok(null, `${CAMPAIGN_KIND_LABELS[campaign.kind]}\u00a0: la campagne est close (instantané n°\u00a0${snapshotVersion}).`);
});
