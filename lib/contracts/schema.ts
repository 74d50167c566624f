// Inputs of the contract form (its facts, diagnosis findings and signatories), shared by the
// form and the server actions.
import { z } from "zod";
import { ContractStatus, Visibility } from "@/lib/db/generated/enums";
import {
  optionalDate,
  optionalInteger,
  optionalText,
  refineDistinctOrganisations,
  refinePeriod,
  requiredText,
  uuidField,
  versionField,
} from "@/lib/validation/fields";

const findingRow = z.object({
  id: z
    .uuid({ error: "Choix invalide." })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  text: requiredText("Saisissez le constat, ou retirez la ligne.", 2000),
});

const signatoryRow = z.object({
  id: z
    .uuid({ error: "Choix invalide." })
    .optional()
    .or(z.literal("").transform(() => undefined)),
  organisationId: uuidField("Choisissez l’organisation signataire."),
  signerName: optionalText(160),
  signerTitle: optionalText(160),
  signedOn: optionalDate,
  deliberationReference: optionalText(120),
  deliberationDate: optionalDate,
});

export const contractFieldsSchema = z
  .object({
    title: requiredText("Saisissez le titre du contrat.", 200),
    generation: optionalInteger(1, 20, "Indiquez le rang du contrat, de 1 à 20.").refine(
      (value) => value !== null,
      "Indiquez le rang du contrat, de 1 à 20.",
    ),
    status: z.enum(ContractStatus, { error: "Choisissez l’étape du contrat." }),
    visibility: z.enum(Visibility, { error: "Choisissez la visibilité." }),
    summary: optionalText(5000, { multiline: true }),
    councilAdoptedOn: optionalDate,
    signedOn: optionalDate,
    startsOn: optionalDate,
    endsOn: optionalDate,
    prsReference: optionalText(200),
    diagnosisSource: optionalText(200),
    diagnosisYear: optionalInteger(1990, 2100, "Indiquez une année entre 1990 et 2100."),
    diagnosisSummary: optionalText(10_000, { multiline: true }),
    findings: z.array(findingRow).max(200).default([]),
    signatories: z.array(signatoryRow).max(60).default([]),
  })
  .superRefine((input, context) => {
    refinePeriod(input, context);
    refineDistinctOrganisations(input.signatories, ["signatories"], "Cette organisation est déjà signataire.", context);
  });

export type ContractFields = z.infer<typeof contractFieldsSchema>;

export const createContractSchema = z.intersection(z.object({ territoryId: uuidField("Territoire introuvable.") }), contractFieldsSchema);
export const updateContractSchema = z.intersection(
  z.object({ contractId: uuidField("Contrat introuvable."), version: versionField }),
  contractFieldsSchema,
);

/** Whole months from start to end inclusive: 2019-10-28 → 2024-10-27 lasts 60 months ("5 ans"). */
export function durationInMonths(startsOn: Date | null, endsOn: Date | null): number | null {
  if (!startsOn || !endsOn) return null;
  const end = new Date(endsOn.getTime() + 86_400_000); // the day after the last day
  let months = (end.getUTCFullYear() - startsOn.getUTCFullYear()) * 12 + (end.getUTCMonth() - startsOn.getUTCMonth());
  if (end.getUTCDate() < startsOn.getUTCDate()) months -= 1;
  return months >= 1 ? Math.min(months, 240) : null;
}
