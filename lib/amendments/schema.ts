// Inputs of amendments (avenants): creating a draft with its purpose, editing it (purpose and
// deliberation), saying what it does to a fiche (adds, changes, closes) or taking that back, and
// recording its signature once the agency gave its favourable opinion.
import { z } from "zod";
import { AmendmentFicheChange } from "@/lib/db/generated/enums";
import { optionalDate, optionalText, requiredDate, requiredText, uuidField, versionField } from "@/lib/validation/fields";

/** An amendment's purpose at most (the database checks it too). */
export const AMENDMENT_PURPOSE_MAX = 5000;

const amendmentId = uuidField("Avenant introuvable.");
const purpose = requiredText("Dites l’objet de l’avenant.", AMENDMENT_PURPOSE_MAX, { multiline: true });

export const createAmendmentSchema = z.object({ contractId: uuidField("Contrat introuvable."), purpose });

export const updateAmendmentSchema = z.object({
  amendmentId,
  version: versionField,
  purpose,
  councilAdoptedOn: optionalDate,
  deliberationReference: optionalText(120),
});
export type UpdateAmendmentInput = z.infer<typeof updateAmendmentSchema>;

export const markAmendmentFicheSchema = z.object({
  amendmentId,
  version: versionField,
  ficheId: uuidField("Choisissez la fiche."),
  change: z.enum(AmendmentFicheChange, { error: "Dites ce que l’avenant fait de la fiche." }),
});

export const unmarkAmendmentFicheSchema = z.object({ amendmentId, version: versionField, ficheId: uuidField("Fiche introuvable.") });

export const signAmendmentSchema = z.object({
  amendmentId,
  version: versionField,
  signedOn: requiredDate("Indiquez la date de signature de l’avenant."),
});
