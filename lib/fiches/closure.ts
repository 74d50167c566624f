// A fiche a signed amendment closed (lib/amendments) has left the contract's plan: it stays in the
// contract's history, shown as it was, and is no longer edited; no roll-up counts it
// (lib/contracts/progress.ts `isInPlan`).
import { amendmentLabel } from "@/lib/amendments/labels";
import { formatDate } from "@/lib/format";

/** Why a closed fiche cannot be changed, on its page and in the refusal of a save. */
export function closedFicheMessage(closedOn: Date, amendmentNumber: number | null): string {
  const by = amendmentNumber === null ? "par un avenant" : `par l’${amendmentLabel(amendmentNumber).toLowerCase()}`;
  return `Cette fiche a été close ${by} le ${formatDate(closedOn)}\u00a0: elle reste dans l’historique du contrat et ne se modifie plus.`;
}
