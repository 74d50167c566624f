// A partner's contribution to an open evaluation campaign, for one of its organisation's
// commitments: created on the first save, then saved from the version the partner loaded. Only
// the committed organisation's partners write it ("commitment.edit"), never the coordinators, and
// only while the campaign is open (assertCampaignOpen in the write's transaction).
import { actionsOn, type ActionContext } from "@/lib/actions/define";
import { ConflictError } from "@/lib/actions/errors";
import { ok } from "@/lib/actions/result";
import { assertVersionMatched, saveVersioned } from "@/lib/actions/versioned";
import { insertAudited } from "@/lib/audit/record";
import { assertCampaignOpen } from "@/lib/campaigns/guard";
import { CAMPAIGN_KIND_LABELS } from "@/lib/campaigns/labels";
import { historySnapshot } from "@/lib/catalogue";
import { ficheLabel } from "@/lib/contracts/labels";
import { uniqueViolationTarget } from "@/lib/db/errors";
import { loadContributionResource } from "./resource";
import { CONTRIBUTION_FIELDS, saveContributionSchema, type ContributionRecord, type SaveContributionInput } from "./schema";
import { contributionValuesSelect } from "./selects";

const onContribution = actionsOn("commitment.edit", loadContributionResource);

/** "CPAM de la Drôme · Fiche n° 3 · Évaluation à mi-parcours", as the audit log names the contribution. */
async function labelOf(context: ActionContext, { campaignId, commitmentId }: SaveContributionInput) {
  const [commitment, campaign] = await Promise.all([
    context.db.commitment.findUniqueOrThrow({
      where: { id: commitmentId },
      select: {
        organisation: { select: { name: true } },
        fiche: { select: { number: true } },
        objective: { select: { fiche: { select: { number: true } } } },
      },
    }),
    context.db.evaluationCampaign.findUniqueOrThrow({ where: { id: campaignId }, select: { kind: true } }),
  ]);
  const ficheNumber = (commitment.fiche ?? commitment.objective!.fiche).number;
  return `${commitment.organisation.name} · ${ficheLabel(ficheNumber)} · ${CAMPAIGN_KIND_LABELS[campaign.kind]}`;
}

export const saveContribution = onContribution(
  "contribution.save",
  saveContributionSchema,
  async (context, input, { territoryId = null }) => {
    const { campaignId, commitmentId, version, ...values } = input;
    const after: ContributionRecord = values;
    const entityLabel = await labelOf(context, input);
    const reported = { reportedAt: new Date(), reportedById: context.actor.userId };
    if (version === 0) {
      try {
        await context.db.$transaction(async (tx) => {
          await assertCampaignOpen(tx, campaignId);
          await insertAudited(
            tx,
            context,
            {
              action: "contribution.save",
              entityType: "CommitmentContribution",
              entityLabel,
              territoryId,
              after: historySnapshot(CONTRIBUTION_FIELDS, after),
            },
            (tx) => tx.commitmentContribution.create({ data: { campaignId, commitmentId, ...values, ...reported }, select: { id: true } }),
          );
        });
      } catch (error) {
        // Someone of the organisation contributed since the page was loaded.
        if (uniqueViolationTarget(error)) throw new ConflictError();
        throw error;
      }
    } else {
      const before = await context.db.commitmentContribution.findUnique({
        where: { campaignId_commitmentId: { campaignId, commitmentId } },
        select: { id: true, ...contributionValuesSelect },
      });
      if (!before) throw new ConflictError();
      await saveVersioned(
        context,
        {
          action: "contribution.save",
          entityType: "CommitmentContribution",
          entityId: before.id,
          entityLabel,
          territoryId,
          baseVersion: version,
        },
        async (tx) => {
          await assertCampaignOpen(tx, campaignId);
          assertVersionMatched(
            await tx.commitmentContribution.updateMany({
              where: { id: before.id, version },
              data: { ...values, ...reported, version: { increment: 1 } },
            }),
          );
          return { before: historySnapshot(CONTRIBUTION_FIELDS, before), after: historySnapshot(CONTRIBUTION_FIELDS, after) };
        },
      );
    }
    return ok(null, "Votre contribution à l’évaluation est enregistrée.");
  },
);
