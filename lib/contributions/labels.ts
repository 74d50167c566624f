// French labels of a partner's contribution to an evaluation campaign.
import type { ContributionOutcome } from "@/lib/db/generated/enums";

/** Whether the organisation kept its commitment over the period evaluated ("engagement", masculine). */
export const CONTRIBUTION_OUTCOME_LABELS = {
  kept: "Tenu",
  partly_kept: "Partiellement tenu",
  not_kept: "Non tenu",
} satisfies Record<ContributionOutcome, string>;

export const CONTRIBUTION_OUTCOME_TONES = {
  kept: "success",
  partly_kept: "warning",
  not_kept: "neutral",
} as const satisfies Record<ContributionOutcome, "neutral" | "brand" | "success" | "warning">;
