// What a fiche's due items are computed from (lib/due/schedule.ts), read the same way by
// "Mes fiches" and by the reminders' scan.
import type { Prisma } from "@/lib/db/generated/client";
import { ContractStatus } from "@/lib/db/generated/enums";
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

/** Contracts being carried out, signed and not yet closed or renewed: the only ones where anything falls due. */
export const LIVE_CONTRACT_STATUSES = [
  ContractStatus.signed,
  ContractStatus.in_progress,
  ContractStatus.mid_term_evaluation,
  ContractStatus.final_evaluation,
] as const;

/** The contract's side: its status and its open evaluation campaigns. */
export const contractDueSelect = {
  status: true,
  campaigns: { where: { status: "open" }, orderBy: { kind: "asc" }, select: { id: true, kind: true, opensOn: true } },
} satisfies Prisma.ContractSelect;

type FicheDueRow = Prisma.FicheActionGetPayload<{ select: typeof ficheDueSelect }>;
type ContractDueRow = Prisma.ContractGetPayload<{ select: typeof contractDueSelect }>;

export function dueItemsOfFiche(fiche: FicheDueRow, contract: ContractDueRow, today: Date, horizonDays?: number): DueItem[] {
  if (!(LIVE_CONTRACT_STATUSES as readonly ContractStatus[]).includes(contract.status)) return [];
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
