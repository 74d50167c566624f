// A campaign's whole evaluation in one shape, whether it is open or closed: the contract's content
// and the evaluation (./schema.ts). An open campaign reads the live tables; a closed one reads only
// its snapshot, frozen when it closed, so its figures never change afterwards.
import { NotFoundError } from "@/lib/authz";
import { campaignSummarySelect } from "@/lib/campaigns/selects";
import type { Prisma } from "@/lib/db/generated/client";
import type { Db, Tx } from "@/lib/db/client";
import { listCampaignContributions } from "@/lib/contributions/queries";
import { listContractMeetings } from "@/lib/meetings/queries";
import { readContractContent } from "@/lib/snapshots/create";
import { readContractSnapshot } from "@/lib/snapshots/queries";
import type { ContractSnapshotContent } from "@/lib/snapshots/schema";
import { CRITERIA } from "@/lib/assessments/labels";
import { assessmentColumnsSelect } from "@/lib/assessments/selects";
import { evaluationContentSchema, type EvaluationContent } from "./schema";

const campaignSelect = {
  contractId: true,
  ...campaignSummarySelect,
  snapshotId: true,
} satisfies Prisma.EvaluationCampaignSelect;

type CampaignPeriod = { id: string; contractId: string; periodStart: Date | null };

const decimalText = (value: { toString(): string } | null) => (value === null ? null : value.toString());

/**
 * The evaluation as it stands in `db`, in four queries whatever the contract's size: assessments
 * of live fiches, budget lines of live fiches with what was spent of each, contributions, and the
 * meetings held from the period's start to `until` (the closing day, or today while open).
 */
export async function readLiveEvaluation(db: Db | Tx, campaign: CampaignPeriod, until: Date): Promise<EvaluationContent> {
  const liveFiche = { contractId: campaign.contractId, deletedAt: null };
  const [assessments, budgetLines, contributions, meetings] = [
    await db.ficheAssessment.findMany({
      where: { campaignId: campaign.id, fiche: liveFiche },
      orderBy: { fiche: { number: "asc" } },
      select: {
        ficheId: true,
        ...assessmentColumnsSelect,
        updatedAt: true,
      },
    }),
    await db.budgetLine.findMany({
      relationLoadStrategy: "join",
      where: { fiche: liveFiche },
      orderBy: [{ fiche: { number: "asc" } }, { createdAt: "asc" }, { id: "asc" }],
      select: {
        id: true,
        ficheId: true,
        funderId: true,
        funder: { select: { name: true } },
        funderLabel: true,
        fundingInstrument: true,
        year: true,
        amount: true,
        spending: { where: { assessment: { campaignId: campaign.id } }, select: { spent: true } },
      },
    }),
    await listCampaignContributions(campaign.id, db),
    await listContractMeetings(campaign.contractId, { from: campaign.periodStart, to: until }, db),
  ];
  return {
    assessments: assessments.map((assessment) => ({
      ficheId: assessment.ficheId,
      realisationStatus: assessment.realisationStatus,
      achievementRate: assessment.achievementRate,
      criteria: Object.fromEntries(
        CRITERIA.map((criterion) => [criterion, { rating: assessment[`${criterion}Rating`], comment: assessment[`${criterion}Comment`] }]),
      ) as EvaluationContent["assessments"][number]["criteria"],
      difficulties: assessment.difficulties,
      synthesis: assessment.synthesis,
      recommendations: assessment.recommendations,
      updatedAt: assessment.updatedAt.toISOString(),
    })),
    budgetLines: budgetLines.map((line) => ({
      ficheId: line.ficheId,
      budgetLineId: line.id,
      funderId: line.funderId,
      funder: line.funder?.name ?? (line.funderLabel?.trim() || null),
      fundingInstrument: line.fundingInstrument,
      year: line.year,
      planned: line.amount.toString(),
      spent: decimalText(line.spending[0]?.spent ?? null),
    })),
    contributions: contributions.map((contribution) => ({
      commitmentId: contribution.commitment.id,
      organisationId: contribution.commitment.organisation.id,
      organisation: contribution.commitment.organisation.name,
      outcome: contribution.outcome,
      contribution: contribution.contribution,
      amountSpent: decimalText(contribution.amountSpent),
      reportedAt: contribution.reportedAt?.toISOString() ?? null,
    })),
    meetings: meetings.map((meeting) => ({
      id: meeting.id,
      kind: meeting.kind,
      heldOn: meeting.heldOn.toISOString().slice(0, 10),
      topic: meeting.topic,
      minutes: meeting.minutes,
      decisions: meeting.decisions,
      participantCount: meeting.participantCount,
      attendances: meeting.attendances.map((attendance) => ({
        organisationId: attendance.organisationId,
        organisation: attendance.organisation.name,
        attendeeCount: attendance.attendeeCount,
      })),
    })),
  };
}

/**
 * A campaign's evaluation: the contract's content and the evaluation, from the snapshot of a
 * closed campaign or from the live tables of an open one. Authorization is the caller's (the
 * page or route has authorized the campaign's contract). A NotFoundError when there is no such
 * campaign in `contractId`.
 */
export async function readCampaignEvaluation(db: Db, contractId: string, campaignId: string, today: Date) {
  const campaign = await db.evaluationCampaign.findFirst({ where: { id: campaignId, contractId }, select: campaignSelect });
  if (!campaign) throw new NotFoundError();
  let content: ContractSnapshotContent;
  let evaluation: EvaluationContent;
  if (campaign.status === "closed" && campaign.snapshotId) {
    const snapshot = await readContractSnapshot(db, campaign.snapshotId);
    if (!snapshot.content.evaluation) throw new Error(`Snapshot ${snapshot.id} of a closed campaign holds no evaluation`);
    ({ evaluation, ...content } = { ...snapshot.content, evaluation: snapshot.content.evaluation });
  } else {
    // One repeatable-read transaction, so that the content and the evaluation agree.
    [content, evaluation] = await db.$transaction(
      async (tx) => [await readContractContent(tx, contractId), await readLiveEvaluation(tx, campaign, today)] as const,
      { isolationLevel: "RepeatableRead" },
    );
  }
  return {
    campaign: { ...campaign, snapshotVersion: campaign.snapshot?.version ?? null },
    content,
    evaluation: evaluationContentSchema.parse(evaluation),
  };
}

export type CampaignEvaluation = Awaited<ReturnType<typeof readCampaignEvaluation>>;
