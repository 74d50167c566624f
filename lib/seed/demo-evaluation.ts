// The fictional contract's evaluation life (prisma/seed/territoire-de-demonstration.json):
// governance meetings with their attendances, minutes and decisions, and evaluation campaigns
// with assessments, spending and partners' contributions. A closed campaign is closed as the
// close action does it (lib/campaigns/mutations.ts): its evaluation read live, frozen with the
// contract in a real snapshot. Only the fictional file holds any of this (lib/seed/schema.ts).
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { CRITERIA, type Criterion } from "@/lib/assessments/labels";
import { readLiveEvaluation } from "@/lib/evaluations/read";
import { createContractSnapshot } from "@/lib/snapshots/create";
import { userId, type SeedContext } from "./context";
import type { FictionalContractFile, PartyRef } from "./schema";

type Campaign = FictionalContractFile["campaigns"][number];

/** In the morning of its day, as someone would write. */
const morningOf = (day: Date) => new Date(day.getTime() + 9 * 3_600_000);

/**
 * Inserts what is missing, changing nothing that exists: a meeting is known by its kind and
 * topic, a campaign by its kind (with its assessments and contributions, inserted only with it),
 * so that loading again on a later day, when the fictional dates differ, inserts nothing.
 */
export async function insertEvaluationLife(
  tx: Tx,
  file: FictionalContractFile,
  contractId: string,
  partyId: (ref: PartyRef) => string,
  context: SeedContext,
): Promise<void> {
  // Meetings first: a campaign closed below freezes those of its period.
  await insertGovernanceMeetings(tx, file, contractId, partyId, context);
  const held = await tx.evaluationCampaign.findMany({ where: { contractId }, select: { kind: true, status: true } });
  for (const campaign of file.campaigns) {
    if (held.some((existing) => existing.kind === campaign.kind)) continue;
    // At most one open campaign per contract: one opened since by a coordinator is left alone.
    if (!campaign.closed && held.some((existing) => existing.status === "open")) continue;
    await insertCampaign(tx, campaign, contractId, partyId, context);
    held.push({ kind: campaign.kind, status: campaign.closed ? "closed" : "open" });
  }
}

async function insertGovernanceMeetings(
  tx: Tx,
  file: FictionalContractFile,
  contractId: string,
  partyId: (ref: PartyRef) => string,
  { on }: SeedContext,
): Promise<void> {
  const existing = await tx.meeting.findMany({ where: { contractId, workingGroupId: null }, select: { kind: true, topic: true } });
  const known = new Set(existing.map((meeting) => `${meeting.kind}|${meeting.topic}`));
  for (const meeting of file.meetings.filter((candidate) => !known.has(`${candidate.kind}|${candidate.topic}`))) {
    const heldOn = on(meeting.heldOn)!;
    // Minutes the public can read are a document of the contract, linked to their meeting.
    const minutesDocument = meeting.minutesUrl
      ? await tx.document.create({
          data: {
            contractId,
            kind: "minutes",
            title: `Compte-rendu\u00a0: ${meeting.topic}`,
            issuedOn: heldOn,
            url: meeting.minutesUrl,
            isPublic: true,
          },
          select: { id: true },
        })
      : null;
    await tx.meeting.create({
      data: {
        contractId,
        kind: meeting.kind,
        heldOn,
        minutesDocumentId: minutesDocument?.id,
        topic: meeting.topic,
        participantCount: meeting.attendances.reduce((sum, attendance) => sum + attendance.attendeeCount, 0) + (meeting.residentCount ?? 0),
        residentCount: meeting.residentCount,
        minutes: meeting.minutes,
        decisions: meeting.decisions,
        attendances: {
          createMany: {
            data: meeting.attendances.map((attendance) => ({
              organisationId: partyId(attendance.organisation),
              attendeeCount: attendance.attendeeCount,
            })),
          },
        },
      },
    });
  }
}

async function insertCampaign(
  tx: Tx,
  campaign: Campaign,
  contractId: string,
  partyId: (ref: PartyRef) => string,
  context: SeedContext,
): Promise<void> {
  const { on } = context;
  const { id } = await tx.evaluationCampaign.create({
    data: {
      contractId,
      kind: campaign.kind,
      periodStart: on(campaign.periodStart),
      periodEnd: on(campaign.periodEnd),
      opensOn: on(campaign.opensOn),
      closesOn: on(campaign.closesOn),
      synthesis: campaign.synthesis,
      recommendations: campaign.recommendations,
    },
    select: { id: true },
  });
  const fiches = await tx.ficheAction.findMany({
    where: { contractId, deletedAt: null },
    select: {
      id: true,
      number: true,
      budgetLines: { select: { id: true, funderId: true } },
      objectives: {
        select: { position: true, commitments: { select: { id: true, organisationId: true } } },
      },
    },
  });
  const ficheNumbered = (number: number) => {
    const fiche = fiches.find((candidate) => candidate.number === number);
    if (!fiche) throw new Error(`Fiche n°${number} is not in the demo contract`);
    return fiche;
  };

  for (const assessment of campaign.assessments) {
    const fiche = ficheNumbered(assessment.fiche);
    const writtenAt = morningOf(on(assessment.on ?? campaign.opensOn)!);
    const criteria = Object.fromEntries(
      CRITERIA.flatMap((name) => [
        [`${name}Rating`, assessment.criteria[name]?.rating],
        [`${name}Comment`, assessment.criteria[name]?.comment],
      ]),
    ) as Pick<Prisma.FicheAssessmentUncheckedCreateInput, `${Criterion}${"Rating" | "Comment"}`>;
    await tx.ficheAssessment.create({
      data: {
        campaignId: id,
        ficheId: fiche.id,
        realisationStatus: assessment.realisationStatus,
        achievementRate: assessment.achievementRate,
        ...criteria,
        difficulties: assessment.difficulties,
        synthesis: assessment.synthesis,
        recommendations: assessment.recommendations,
        createdAt: writtenAt,
        updatedAt: writtenAt,
        spending: {
          createMany: {
            data: assessment.spending.map((spent) => {
              const funderId = partyId(spent.funder);
              // Budget lines of a fiche inserted earlier, by an administrator, may lack this funder.
              const line = fiche.budgetLines.find((candidate) => candidate.funderId === funderId);
              if (!line) throw new Error(`Fiche n°${fiche.number} has no budget line of this funder`);
              return { budgetLineId: line.id, spent: spent.spent, createdAt: writtenAt, updatedAt: writtenAt };
            }),
          },
        },
      },
    });
  }

  await tx.commitmentContribution.createMany({
    data: campaign.contributions.map((given) => {
      const organisationId = partyId(given.organisation);
      const commitment = ficheNumbered(given.fiche)
        .objectives.find((objective) => objective.position === given.objective)
        ?.commitments.find((candidate) => candidate.organisationId === organisationId);
      if (!commitment) throw new Error(`No commitment of ${given.organisation} on fiche n°${given.fiche}, objective ${given.objective}`);
      const reportedAt = morningOf(on(given.reportedOn)!);
      return {
        campaignId: id,
        commitmentId: commitment.id,
        outcome: given.outcome,
        contribution: given.contribution,
        amountSpent: given.amountSpent,
        reportedAt,
        reportedById: given.by && userId(context, given.by),
        createdAt: reportedAt,
        updatedAt: reportedAt,
      };
    }),
  });

  if (campaign.closed) {
    // Closed as closeCampaign closes: the evaluation read live up to the closing day, frozen with
    // the contract. The snapshot freezes the contract as it stands when the data is loaded (its
    // later measurements and reports included; the campaign's figures are read as of its closing
    // day, lib/evaluations/figures.ts), and its createdAt is the load's time, not the fictional day.
    const closedOn = on(campaign.closed.on)!;
    const evaluation = await readLiveEvaluation(tx, { id, contractId, periodStart: on(campaign.periodStart) }, closedOn);
    const snapshot = await createContractSnapshot(
      tx,
      contractId,
      "campaign_close",
      { userId: userId(context, campaign.closed.by) },
      { evaluation },
    );
    await tx.evaluationCampaign.update({
      where: { id },
      data: {
        status: "closed",
        closedAt: new Date(closedOn.getTime() + 16 * 3_600_000),
        snapshotId: snapshot.id,
        version: { increment: 1 },
      },
    });
  }
}
