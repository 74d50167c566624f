// Select fragments shared by the reads of campaigns.
import type { Prisma } from "@/lib/db/generated/client";

/** A campaign as the contract page's « Évaluation » section shows it, with its snapshot's number once closed. */
export const campaignSummarySelect = {
  id: true,
  kind: true,
  status: true,
  periodStart: true,
  periodEnd: true,
  opensOn: true,
  closesOn: true,
  closedAt: true,
  synthesis: true,
  recommendations: true,
  version: true,
  snapshot: { select: { id: true, version: true } },
} satisfies Prisma.EvaluationCampaignSelect;

export type CampaignSummary = Prisma.EvaluationCampaignGetPayload<{ select: typeof campaignSummarySelect }>;
