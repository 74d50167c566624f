// Select fragments of commitments shared by their reads and writes.
import type { Prisma } from "@/lib/db/generated/client";

/** The partner's report: what COMMITMENT_REPORT_FIELDS declares, as the form and history read it. */
export const commitmentReportSelect = {
  status: true,
  progress: true,
  humanResources: true,
  financialAmount: true,
  financialDetails: true,
  inKindResources: true,
  comment: true,
  commentedOn: true,
} satisfies Prisma.CommitmentSelect;
