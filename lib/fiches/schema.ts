// Inputs of the fiche action form: every field of a fiche, with its partners, schedule,
// budget, objectives and the commitments of partners to them, saved as one unit.
import { z } from "zod";
import { GeographicScope, Priority, ProgressStatus } from "@/lib/db/generated/enums";
import {
  decimalField,
  optionalDate,
  optionalInteger,
  optionalText,
  requiredText,
  textChoices,
  textLines,
  uuidField,
  versionField,
} from "@/lib/validation/fields";

const optionalUuid = z
  .string()
  .optional()
  .transform((value) => value || null)
  .pipe(z.uuid({ error: "Choix invalide." }).nullable());

const rowId = z
  .string()
  .optional()
  .transform((value) => value || undefined)
  .pipe(z.uuid().optional());

const percent = optionalInteger(0, 100, "Un pourcentage entre 0 et 100.").transform((value) => value ?? 0);
const weight = optionalInteger(0, 1000, "Un poids entier entre 0 et 1000.");

/** An amount typed the French way ("12 500,50" or "12500.5"), exact, within BudgetLine.amount's Decimal(14, 2). */
export const amountField = decimalField("BudgetLine.amount", "Saisissez le montant.", { kind: "amount" });

const partnerRow = z.object({ organisationId: uuidField("Choisissez l’organisation partenaire."), role: optionalText(200) });

const milestoneRow = z.object({
  title: requiredText("Saisissez l’étape, ou retirez la ligne.", 300),
  dueOn: optionalDate,
  doneOn: optionalDate,
});

const budgetRow = z
  .object({
    funderId: optionalUuid,
    funderLabel: optionalText(200),
    fundingInstrument: optionalText(120),
    year: optionalInteger(1990, 2100, "Une année entre 1990 et 2100."),
    amount: amountField,
  })
  .refine((line) => line.funderId || line.funderLabel, { path: ["funderId"], message: "Choisissez le financeur ou saisissez son nom." });

const commitmentRow = z.object({
  organisationId: uuidField("Choisissez l’organisation qui s’engage."),
  description: requiredText("Décrivez l’engagement.", 5000),
});

const objectiveRow = z.object({
  id: rowId,
  title: requiredText("Saisissez l’objectif, ou retirez-le.", 300),
  description: optionalText(5000, { multiline: true }),
  dueOn: optionalDate,
  status: z.enum(ProgressStatus, { error: "Choisissez un statut." }),
  progress: percent,
  weight,
  commitments: z.array(commitmentRow).max(50).default([]),
});

export const ficheFieldsSchema = z
  .object({
    axisId: uuidField("Choisissez l’axe."),
    number: optionalInteger(1, 9999, "Un numéro entre 1 et 9999."),
    title: requiredText("Saisissez l’intitulé de la fiche.", 300),
    context: optionalText(20_000, { multiline: true }),
    generalObjective: optionalText(20_000, { multiline: true }),
    description: optionalText(20_000, { multiline: true }),
    targetPublic: optionalText(5000, { multiline: true }),
    vulnerableGroups: optionalText(5000, { multiline: true }),
    geographicScope: z.enum(GeographicScope, { error: "Choisissez le périmètre." }),
    geographicScopeDetail: optionalText(5000, { multiline: true }),
    pilotOrganisationId: optionalUuid,
    pilotContactName: optionalText(160),
    pilotContactEmail: z
      .string()
      .trim()
      .max(254, "254 caractères au plus.")
      .optional()
      .transform((value) => value?.toLowerCase() || null)
      .pipe(z.email("Saisissez une adresse e-mail valide, par exemple nom@exemple.fr.").nullable()),
    pilotUserId: optionalUuid,
    startsOn: optionalDate,
    endsOn: optionalDate,
    prsObjective: optionalText(5000, { multiline: true }),
    /** One determinant per line. */
    determinants: textLines({ maxItems: 50, maxLength: 300 }),
    themes: textChoices({ maxItems: 50, maxLength: 120 }),
    findingIds: z
      .union([z.string(), z.array(z.string())])
      .optional()
      .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
      .pipe(z.array(z.uuid({ error: "Choix invalide." })).max(200)),
    status: z.enum(ProgressStatus, { error: "Choisissez un statut." }),
    progress: percent,
    priority: z
      .string()
      .optional()
      .transform((value) => value || null)
      .pipe(z.enum(Priority).nullable()),
    weight,
    continuesFicheId: optionalUuid,
    partners: z.array(partnerRow).max(100).default([]),
    milestones: z.array(milestoneRow).max(100).default([]),
    budgetLines: z.array(budgetRow).max(100).default([]),
    objectives: z.array(objectiveRow).max(100).default([]),
  })
  .superRefine((input, context) => {
    if (input.startsOn && input.endsOn && input.endsOn < input.startsOn)
      context.addIssue({ code: "custom", path: ["endsOn"], message: "La fin ne peut pas précéder le début." });
    const partners = new Set<string>();
    input.partners.forEach((partner, index) => {
      if (partners.has(partner.organisationId))
        context.addIssue({
          code: "custom",
          path: ["partners", index, "organisationId"],
          message: "Cette organisation est déjà partenaire.",
        });
      partners.add(partner.organisationId);
    });
    input.objectives.forEach((objective, index) => {
      const committed = new Set<string>();
      objective.commitments.forEach((commitment, row) => {
        if (committed.has(commitment.organisationId))
          context.addIssue({
            code: "custom",
            path: ["objectives", index, "commitments", row, "organisationId"],
            message: "Cette organisation s’est déjà engagée sur cet objectif.",
          });
        committed.add(commitment.organisationId);
      });
    });
  });

export type FicheFields = z.infer<typeof ficheFieldsSchema>;

export const createFicheSchema = z.intersection(z.object({ contractId: uuidField("Contrat introuvable.") }), ficheFieldsSchema);
export const updateFicheSchema = z.intersection(
  z.object({ ficheId: uuidField("Fiche introuvable."), version: versionField }),
  ficheFieldsSchema,
);
export const ficheRefSchema = z.object({ ficheId: uuidField("Fiche introuvable."), version: versionField });
export const restoreSchema = z.object({ kind: z.enum(["fiche", "objective", "indicator"]), id: uuidField("Élément introuvable.") });

/** The usual themes of CLS actions (DOMAIN.md), offered as tags. */
export const COMMON_THEMES = [
  "santé mentale",
  "addictions et conduites à risque",
  "nutrition et activité physique",
  "santé-environnement et habitat",
  "accès aux soins et attractivité",
  "accès aux droits et précarité",
  "enfance, jeunesse, parentalité, périnatalité",
  "vieillissement et autonomie, aidants",
  "handicap",
  "cancers et maladies chroniques, éducation thérapeutique",
  "santé sexuelle",
  "violences",
  "coordination des acteurs et lisibilité de l’offre",
  "mobilité",
] as const;
