// Select fragments of contributions shared by their reads and writes.
import type { Prisma } from "@/lib/db/generated/client";

/** What CONTRIBUTION_FIELDS declares, as the form and history read it. */
export const contributionValuesSelect = {
  outcome: true,
  contribution: true,
  amountSpent: true,
} satisfies Prisma.CommitmentContributionSelect;

/** A contribution as pages show it: its values, when and by whom it was reported, its version. */
export const contributionSelect = {
  id: true,
  version: true,
  ...contributionValuesSelect,
  reportedAt: true,
  reportedBy: { select: { name: true, email: true } },
} satisfies Prisma.CommitmentContributionSelect;

export type ContributionSummary = Prisma.CommitmentContributionGetPayload<{ select: typeof contributionSelect }>;
