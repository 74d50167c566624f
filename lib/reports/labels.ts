// French labels of an evaluation report: its sections, and, until their concepts' own
// dictionaries land, the labels of assessments, meetings and contributions it shows.
import type { RealisationStatus } from "@/lib/db/generated/enums";
import type { EvaluationCriterion } from "@/lib/evaluations/schema";

// TODO(lead): use lib/assessments/labels.ts (REALISATION_STATUS_LABELS, CRITERION_LABELS, ratingText) once merged.
export const REALISATION_STATUS_LABELS = {
  completed: "Réalisée",
  partially_completed: "Partiellement réalisée",
  not_started: "Non démarrée",
  abandoned: "Abandonnée",
} satisfies Record<RealisationStatus, string>;

export const CRITERION_LABELS = {
  relevance: "Pertinence",
  coherence: "Cohérence",
  effectiveness: "Efficacité",
  efficiency: "Efficience",
  impact: "Impact",
} satisfies Record<EvaluationCriterion, string>;

const RATING_LABELS: Record<number, string> = { 1: "Insuffisant", 2: "Passable", 3: "Satisfaisant", 4: "Très satisfaisant" };

/** « 3 – Satisfaisant ». */
export const ratingText = (rating: number | null) => (rating === null ? null : `${rating} – ${RATING_LABELS[rating] ?? ""}`.trim());

/** The report's sections, in order: headings of the documents and names of the workbook's sheets (31 characters at most). */
export const REPORT_SECTION_TITLES = {
  synthesis: "Synthèse",
  axes: "Avancement par axe",
  fiches: "Fiche par fiche",
  indicators: "Indicateurs",
  budget: "Budget par financeur",
  governance: "Gouvernance",
  recommendations: "Recommandations",
} as const;

export type ReportSectionKey = keyof typeof REPORT_SECTION_TITLES;
