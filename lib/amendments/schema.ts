// Inputs of amendments (avenants): creating a draft with its purpose, editing it (purpose and
// deliberation), saying what it does to a fiche (adds, changes, closes) or taking that back,
// deleting a draft, and, once the agency gave its favourable opinion, recording each signatory's
// signature, then the amendment's.
import { z } from "zod";
import { AmendmentFicheChange } from "@/lib/db/generated/enums";
import { todayInParis } from "@/lib/due/schedule";
import { formatDate } from "@/lib/format";
import {
  optionalDate,
  optionalText,
  requiredDate,
  requiredText,
  uuidField,
  versionField,
  versionOrNewField,
} from "@/lib/validation/fields";

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

/** A draft to delete, or an amendment whose signatories have all signed, as the page loaded it. */
export const amendmentVersionSchema = z.object({ amendmentId, version: versionField });

export const FUTURE_SIGNATURE_MESSAGE = "Cette date n’est pas encore venue\u00a0: une signature se date du jour où elle a eu lieu.";
export const FUTURE_DELIBERATION_MESSAGE = "Cette date n’est pas encore venue\u00a0: une délibération se date du jour où elle a été prise.";
export const DELIBERATION_AFTER_SIGNATURE_MESSAGE = "La délibération autorise la signature\u00a0: elle ne peut pas la suivre.";

/** A calendar day that has come, in Paris (the browser checks with its clock, the server again with its own). */
const hasCome = (day: Date | null) => !(day instanceof Date) || day <= todayInParis();

/** Refuses a signature dated before the agency's favourable opinion, given on `opinionDay`: a message for the field, or null. */
export function signatureBeforeOpinion(signedOn: Date, opinionDay: Date): string | null {
  return signedOn < opinionDay
    ? `L’ARS a rendu son avis favorable le ${formatDate(opinionDay)}\u00a0: la signature de l’avenant ne peut pas le précéder.`
    : null;
}

/**
 * One signatory's signature of the amendment: who signed for the organisation, when, and the
 * deliberation that empowered them. `version` is the signature's, 0 when none is recorded yet (the
 * first recording creates it; two at once conflict on its unique key).
 */
export const amendmentSignatureSchema = z
  .object({
    amendmentId,
    organisationId: uuidField("Signataire introuvable."),
    version: versionOrNewField,
    signerName: optionalText(160),
    signerTitle: optionalText(160),
    signedOn: requiredDate("Indiquez la date à laquelle ce signataire a signé l’avenant.").refine(hasCome, FUTURE_SIGNATURE_MESSAGE),
    deliberationReference: optionalText(120),
    deliberationDate: optionalDate.refine(hasCome, FUTURE_DELIBERATION_MESSAGE),
  })
  .superRefine((input, context) => {
    if (input.deliberationDate && input.deliberationDate > input.signedOn)
      context.addIssue({ code: "custom", path: ["deliberationDate"], message: DELIBERATION_AFTER_SIGNATURE_MESSAGE });
  });
export type AmendmentSignatureInput = z.infer<typeof amendmentSignatureSchema>;
