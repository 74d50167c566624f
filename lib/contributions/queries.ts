// Reads of partners' contributions. Authorization is the caller's: the commitment page has
// authorized the commitment, the campaign's pages and reports the campaign's contract.
import { getDb, type Db, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { contributionSelect } from "./selects";

/** Contributions a campaign lists at most: far more than a contract's commitments. */
export const CAMPAIGN_CONTRIBUTIONS_LIMIT = 2000;

/**
 * The campaigns of the commitment's contract (two at most, one per kind, mid-term first), each
 * with the commitment's contribution when there is one: one query.
 */
export function listCommitmentCampaigns(contractId: string, commitmentId: string) {
  return getDb().evaluationCampaign.findMany({
    where: { contractId },
    orderBy: { kind: "asc" },
    select: {
      id: true,
      kind: true,
      status: true,
      periodStart: true,
      periodEnd: true,
      closesOn: true,
      closedAt: true,
      contributions: { where: { commitmentId }, select: contributionSelect },
    },
  });
}

export type CommitmentCampaign = Awaited<ReturnType<typeof listCommitmentCampaigns>>[number];

const ficheOfCommitment = { select: { id: true, number: true, title: true } } as const;

const campaignContributionSelect = {
  ...contributionSelect,
  commitment: {
    select: {
      id: true,
      description: true,
      organisation: { select: { id: true, name: true } },
      fiche: ficheOfCommitment,
      objective: { select: { title: true, fiche: ficheOfCommitment } },
    },
  },
} satisfies Prisma.CommitmentContributionSelect;

/**
 * A campaign's contributions, by organisation then fiche, with the commitment and its fiche,
 * for coordinators' and the ARS's read-only views and reports: one query, bounded. Commitments
 * whose fiche or objective is in the trash are left out.
 */
export async function listCampaignContributions(campaignId: string, db: Db | Tx = getDb()) {
  const rows = await db.commitmentContribution.findMany({
    relationLoadStrategy: "join",
    where: {
      campaignId,
      commitment: {
        OR: [{ fiche: { deletedAt: null } }, { objective: { deletedAt: null, fiche: { deletedAt: null } } }],
      },
    },
    orderBy: [{ commitment: { organisation: { name: "asc" } } }, { createdAt: "asc" }, { id: "asc" }],
    take: CAMPAIGN_CONTRIBUTIONS_LIMIT,
    select: campaignContributionSelect,
  });
  return rows.map(({ commitment: { fiche, objective, ...commitment }, ...contribution }) => ({
    ...contribution,
    commitment: { ...commitment, objective: objective ? { title: objective.title } : null, fiche: (fiche ?? objective!.fiche)! },
  }));
}

export type CampaignContribution = Awaited<ReturnType<typeof listCampaignContributions>>[number];
