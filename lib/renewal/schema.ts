// Input of « Préparer le contrat suivant » (lib/renewal/mutations.ts), shared by its form: the
// next contract's title, and which axes and fiches of the ending contract it carries over.
import { z } from "zod";
import type { ContractStatus } from "@/lib/db/generated/enums";
import { checkboxValues, requiredText, uuidField } from "@/lib/validation/fields";

/** Axes and fiches a contract may carry over at most: more than any contract holds (DOMAIN: 3 to 7 axes, 10 to 40 fiches). */
const MAX_AXES = 100;
const MAX_FICHES = 500;

export const renewContractSchema = z.object({
  contractId: uuidField("Contrat introuvable."),
  title: requiredText("Saisissez l’intitulé du contrat suivant.", 200),
  axisIds: checkboxValues(z.uuid({ error: "Choix invalide." }), MAX_AXES),
  ficheIds: checkboxValues(z.uuid({ error: "Choix invalide." }), MAX_FICHES),
});

export type RenewContractInput = z.infer<typeof renewContractSchema>;

/**
 * The contracts whose next one may be prepared: signed, under way, being evaluated or just closed.
 * A draft is not renewed (it is still being written), nor a contract already marked renewed.
 */
export const RENEWABLE_STATUSES = [
  "signed",
  "in_progress",
  "mid_term_evaluation",
  "final_evaluation",
  "closed",
] as const satisfies readonly ContractStatus[];

export const isRenewable = (status: ContractStatus) => (RENEWABLE_STATUSES as readonly ContractStatus[]).includes(status);

/** The next contract's title the form proposes: the ending one's, with its generation. */
export function nextContractTitle(title: string, generation: number): string {
  const base = title.replace(/\s*\((?:\d+e|1re) génération\)$/, "");
  return `${base} (${generation}e génération)`.slice(0, 200);
}
