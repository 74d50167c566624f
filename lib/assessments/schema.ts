// A fiche's assessment in an evaluation campaign ("bilan de la fiche"): its field catalogue (see
// lib/catalogue) and the input of its one action, shared by the form and the server. What became
// of the fiche, how far its objectives were reached, a rating and a comment on each of the five
// criteria of public-policy evaluation, its difficulties, synthesis and recommendations, and what
// was spent of each of the fiche's budget lines.
import { z } from "zod";
import { CELL_FORMATS, defineCatalogue, entriesOf, listOf, rulesOf } from "@/lib/catalogue";
import { RealisationStatus } from "@/lib/db/generated/enums";
import { budgetLineLabel } from "@/lib/fiches/labels";
import { formatEurosExact, formatNumber } from "@/lib/format";
import { optionalDecimalField, optionalInteger, optionalText, uuidField, versionField } from "@/lib/validation/fields";
import { CRITERION_LABELS, RATING_LABELS, ratingText, REALISATION_STATUS_LABELS, type Criterion } from "./labels";

/** A budget line of the fiche as the assessment shows it: its funder, instrument, year and planned amount. */
export type AssessedBudgetLine = {
  funder: { name: string } | null;
  funderLabel: string | null;
  fundingInstrument: string | null;
  year: number | null;
  amount: { toString(): string };
};

/** An assessment as its catalogue reads it: a record (decimals as Prisma Decimals) or a form's output (decimals as text). */
export type AssessmentRecord = {
  realisationStatus: RealisationStatus | null;
  achievementRate: number | null;
  relevanceRating: number | null;
  relevanceComment: string | null;
  coherenceRating: number | null;
  coherenceComment: string | null;
  effectivenessRating: number | null;
  effectivenessComment: string | null;
  efficiencyRating: number | null;
  efficiencyComment: string | null;
  impactRating: number | null;
  impactComment: string | null;
  difficulties: string | null;
  synthesis: string | null;
  recommendations: string | null;
  spending: ReadonlyArray<{ spent: { toString(): string }; budgetLine: AssessedBudgetLine }>;
};

const entry = entriesOf<AssessmentRecord>();
const assessed = { publicPage: false, confidential: false } as const;

/** A rating of a criterion from 1 to 4, chosen with radio buttons; none until chosen. */
function rating(criterion: Criterion, name: `${Criterion}Rating`) {
  const { label, definition } = CRITERION_LABELS[criterion];
  return {
    label: `${label}\u00a0: appréciation`,
    rule: optionalInteger(1, 4, "Choisissez une appréciation de 1 à 4."),
    scalar: true,
    input: { kind: "radio", label, hint: definition, options: RATING_LABELS, placeholder: "Sans appréciation" },
    history: { key: name, value: (assessment: AssessmentRecord) => ratingText(assessment[name]) },
    xlsx: [{ header: label, width: 12, value: (assessment: AssessmentRecord) => assessment[name] }],
    pdf: { kind: "fact", label, value: (assessment: AssessmentRecord) => ratingText(assessment[name]) },
    api: `${criterion}_rating`,
    ...assessed,
  } as const;
}

/** The comment that explains a criterion's rating. */
const comment = (criterion: Criterion, name: `${Criterion}Comment`) =>
  entry.text(name, optionalText(5000, { multiline: true }), {
    label: `${CRITERION_LABELS[criterion].label}\u00a0: commentaire`,
    api: `${criterion}_comment`,
    width: 40,
    pdf: "paragraph",
    input: { kind: "textarea", rows: 3 },
    ...assessed,
  });

/** A long text of the assessment, in paragraphs. */
const paragraph = (name: "difficulties" | "synthesis" | "recommendations", label: string, api: string, hint?: string) =>
  entry.text(name, optionalText(20_000, { multiline: true }), {
    label,
    api,
    width: 50,
    pdf: "paragraph",
    input: { kind: "textarea", rows: 5, ...(hint ? { hint } : {}) },
    ...assessed,
  });

/** The realisation status as shown: its label, or nothing before it is chosen. */
const realisationText = (assessment: AssessmentRecord) =>
  assessment.realisationStatus ? REALISATION_STATUS_LABELS[assessment.realisationStatus] : null;

/** What was spent of one of the fiche's budget lines; an empty amount records nothing. */
const spendingRow = z.object({
  budgetLineId: uuidField("Ligne de budget introuvable\u00a0: rechargez la page."),
  spent: optionalDecimalField("AssessmentSpending.spent", { kind: "amount" }),
});

/** Every field of an assessment, in the form's order (components/assessments/assessment-form.tsx). */
export const ASSESSMENT_FIELDS = defineCatalogue<AssessmentRecord>()({
  realisationStatus: {
    label: "Réalisation",
    rule: z
      .union([z.literal(""), z.enum(RealisationStatus)], { error: "Choisissez l’état de réalisation de la fiche." })
      .optional()
      .transform((value) => value || null),
    scalar: true,
    input: { kind: "select", label: "État de réalisation", options: REALISATION_STATUS_LABELS, placeholder: "À renseigner" },
    history: { key: "realisationStatus", value: realisationText },
    xlsx: [{ header: "Réalisation", width: 22, value: realisationText }],
    pdf: { kind: "fact", value: realisationText },
    api: "realisation_status",
    ...assessed,
  },
  achievementRate: {
    label: "Taux d’atteinte",
    rule: optionalInteger(0, 100, "Un pourcentage entre 0 et 100."),
    scalar: true,
    input: { kind: "integer", label: "Taux d’atteinte des objectifs (%)", hint: "De 0 à 100." },
    history: {
      key: "achievementRate",
      value: (assessment) => (assessment.achievementRate === null ? null : `${formatNumber(assessment.achievementRate)}\u00a0%`),
    },
    xlsx: [
      {
        header: "Taux d’atteinte",
        width: 14,
        numFmt: CELL_FORMATS.percent,
        value: (assessment) => (assessment.achievementRate === null ? null : assessment.achievementRate / 100),
      },
    ],
    pdf: {
      kind: "fact",
      value: (assessment) => (assessment.achievementRate === null ? null : `${formatNumber(assessment.achievementRate)}\u00a0%`),
    },
    api: "achievement_rate",
    ...assessed,
  },
  relevanceRating: rating("relevance", "relevanceRating"),
  relevanceComment: comment("relevance", "relevanceComment"),
  coherenceRating: rating("coherence", "coherenceRating"),
  coherenceComment: comment("coherence", "coherenceComment"),
  effectivenessRating: rating("effectiveness", "effectivenessRating"),
  effectivenessComment: comment("effectiveness", "effectivenessComment"),
  efficiencyRating: rating("efficiency", "efficiencyRating"),
  efficiencyComment: comment("efficiency", "efficiencyComment"),
  impactRating: rating("impact", "impactRating"),
  impactComment: comment("impact", "impactComment"),
  difficulties: paragraph("difficulties", "Difficultés rencontrées", "difficulties"),
  synthesis: paragraph("synthesis", "Synthèse", "synthesis"),
  recommendations: paragraph(
    "recommendations",
    "Recommandations",
    "recommendations",
    "Pour la suite de l’action, ou pour le renouvellement du contrat.",
  ),
  spending: {
    ...listOf("Dépenses", spendingRow, 100, {
      api: "spending",
      list: { title: "Budget prévu et dépensé", row: "la ligne de budget", add: "" },
      confidential: true,
    }),
    history: {
      key: "spending",
      value: (assessment) =>
        assessment.spending
          .map(
            ({ spent, budgetLine }) =>
              `${budgetLineLabel(budgetLine)} : ${formatEurosExact(spent)} dépensés sur ${formatEurosExact(budgetLine.amount)}`,
          )
          .join("\n") || null,
    },
  },
});

/**
 * The form's input: the campaign and the fiche, the version the user loaded (0, or none, while the
 * fiche has no assessment in this campaign yet), then the catalogue's fields. Each budget line is
 * named once at most.
 */
export const saveAssessmentSchema = z
  .object({
    campaignId: uuidField("Campagne introuvable."),
    ficheId: uuidField("Fiche introuvable."),
    version: z
      .union([z.literal(["0", 0]).transform(() => 0), versionField])
      .optional()
      .transform((version) => version ?? 0),
    ...rulesOf(ASSESSMENT_FIELDS),
  })
  .superRefine((input, context) => {
    const seen = new Set<string>();
    input.spending.forEach((row, index) => {
      if (seen.has(row.budgetLineId))
        context.addIssue({
          code: "custom",
          path: ["spending", index, "spent"],
          message: "Cette ligne de budget est déjà saisie plus haut.",
        });
      seen.add(row.budgetLineId);
    });
  });

export type SaveAssessmentInput = z.infer<typeof saveAssessmentSchema>;
