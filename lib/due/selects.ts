// What a fiche's due items are computed from (lib/due/schedule.ts), read the same way by
// "Mes fiches" and by the reminders' scan.
import type { Prisma } from "@/lib/db/generated/client";
import { dueItemsOf, type DueItem } from "./schedule";

export const ficheDueSelect = {
  startsOn: true,
  indicators: {
    where: { deletedAt: null },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      name: true,
      frequency: true,
      baselineOn: true,
      targetOn: true,
      measurements: { orderBy: { measuredOn: "desc" }, take: 1, select: { measuredOn: true } },
    },
  },
  milestones: {
    where: { doneOn: null, dueOn: { not: null } },
    orderBy: { dueOn: "asc" },
    select: { id: true, title: true, dueOn: true, doneOn: true },
  },
  assessments: { where: { realisationStatus: { not: null } }, select: { campaignId: true } },
} satisfies Prisma.FicheActionSelect;

/** The contract's side: its open evaluation campaigns. */
export const contractCampaignsDueSelect = {
  campaigns: { where: { status: "open" }, orderBy: { kind: "asc" }, select: { id: true, kind: true, opensOn: true } },
} satisfies Prisma.ContractSelect;

type FicheDueRow = Prisma.FicheActionGetPayload<{ select: typeof ficheDueSelect }>;
type ContractDueRow = Prisma.ContractGetPayload<{ select: typeof contractCampaignsDueSelect }>;

export function dueItemsOfFiche(fiche: FicheDueRow, contract: ContractDueRow, today: Date, horizonDays?: number): DueItem[] {
  const assessed = new Set(fiche.assessments.map((assessment) => assessment.campaignId));
  return dueItemsOf(
    {
      startsOn: fiche.startsOn,
      indicators: fiche.indicators.map(({ measurements, ...indicator }) => ({
        ...indicator,
        latestMeasuredOn: measurements[0]?.measuredOn ?? null,
      })),
      milestones: fiche.milestones,
      openCampaigns: contract.campaigns.map((campaign) => ({ ...campaign, assessed: assessed.has(campaign.id) })),
    },
    today,
    horizonDays,
  );
}
