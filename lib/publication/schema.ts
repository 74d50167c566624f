// Inputs of publication: which fiches a coordinator publishes (each at the version they saw),
// which one they withdraw, and what of a fiche stays off the public channels.
import { z } from "zod";
import { FICHE_FIELDS } from "@/lib/fiches/schema";
import { checkbox, checkboxValues, uuidField, versionField } from "@/lib/validation/fields";

/** The fiche fields a coordinator may withhold from the public version: the catalogue's confidential public ones (budget, contact e-mail). */
export const WITHHOLDABLE_FIELDS = Object.entries(FICHE_FIELDS)
  .filter(([, field]) => field.publicPage && field.confidential)
  .map(([name]) => name) as [string, ...string[]];

/** At most this many fiches in one publication: more than any contract holds. */
export const PUBLISH_LIMIT = 500;

export const publishFichesSchema = z.object({
  contractId: uuidField("Contrat introuvable."),
  fiches: z
    .array(z.object({ id: uuidField("Fiche introuvable."), version: versionField }), { error: "Choisissez les fiches à publier." })
    .min(1, "Choisissez les fiches à publier.")
    .max(PUBLISH_LIMIT, `${PUBLISH_LIMIT} fiches au plus par publication.`),
});
export type PublishFichesInput = z.infer<typeof publishFichesSchema>;

export const withdrawFicheSchema = z.object({ ficheId: uuidField("Fiche introuvable.") });

export const ficheConfidentialitySchema = z.object({
  ficheId: uuidField("Fiche introuvable."),
  version: versionField,
  confidential: checkbox,
  withheldFields: checkboxValues(z.enum(WITHHOLDABLE_FIELDS, { error: "Choix invalide." }), WITHHOLDABLE_FIELDS.length),
});
export type FicheConfidentialityInput = z.infer<typeof ficheConfidentialitySchema>;
