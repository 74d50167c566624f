// French labels of a fiche's assessment in an evaluation campaign ("bilan de la fiche"): its
// realisation status, the usual public-policy criteria and the scale they are rated on.
import type { RealisationStatus } from "@/lib/db/generated/enums";

/** What became of the fiche over the period evaluated (a fiche action: feminine). */
export const REALISATION_STATUS_LABELS = {
  completed: "Réalisée",
  partially_completed: "Partiellement réalisée",
  not_started: "Non démarrée",
  abandoned: "Abandonnée",
} satisfies Record<RealisationStatus, string>;

export const REALISATION_STATUS_TONES = {
  completed: "success",
  partially_completed: "brand",
  not_started: "neutral",
  abandoned: "warning",
} as const satisfies Record<RealisationStatus, "neutral" | "brand" | "success" | "warning">;

/** The usual criteria of public-policy evaluation, in the order evaluators read them. */
export const CRITERIA = ["relevance", "coherence", "effectiveness", "efficiency", "impact"] as const;
export type Criterion = (typeof CRITERIA)[number];

export const CRITERION_LABELS = {
  relevance: {
    label: "Pertinence",
    definition: "Les objectifs de l’action répondent-ils aux besoins de santé relevés par le diagnostic\u00a0?",
  },
  coherence: {
    label: "Cohérence",
    definition: "L’action s’articule-t-elle avec le projet régional de santé, les autres fiches et les politiques locales\u00a0?",
  },
  effectiveness: { label: "Efficacité", definition: "Les objectifs fixés à l’action ont-ils été atteints\u00a0?" },
  efficiency: {
    label: "Efficience",
    definition: "Les résultats obtenus sont-ils à la mesure des moyens engagés (budget prévu et dépensé)\u00a0?",
  },
  impact: {
    label: "Impact",
    definition: "Quels effets, attendus ou non, l’action a-t-elle eus sur la santé de la population et les inégalités\u00a0?",
  },
} satisfies Record<Criterion, { label: string; definition: string }>;

/** The four-level scale each criterion is rated on. */
export const RATING_LABELS = {
  "1": "Insuffisant",
  "2": "Passable",
  "3": "Satisfaisant",
  "4": "Très satisfaisant",
} as const;

/** « 3 – Satisfaisant »: a rating as history and read-only views show it. */
export const ratingText = (rating: number | null) =>
  rating === null ? null : `${rating} – ${RATING_LABELS[String(rating) as keyof typeof RATING_LABELS] ?? ""}`.trim();
