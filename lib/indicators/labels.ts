import type { CollectionFrequency, IndicatorDirection, IndicatorLevel } from "@/lib/db/generated/enums";
import { formatDecimal } from "@/lib/format";
import type { IndicatorJudgement, IndicatorStanding, UnjudgedReason } from "./trajectory";

export const INDICATOR_LEVEL_LABELS = { process: "Processus", result: "Résultat", impact: "Impact" } satisfies Record<
  IndicatorLevel,
  string
>;
export const INDICATOR_DIRECTION_LABELS = { increase: "À la hausse", decrease: "À la baisse" } satisfies Record<IndicatorDirection, string>;
export const COLLECTION_FREQUENCY_LABELS = {
  monthly: "Mensuelle",
  quarterly: "Trimestrielle",
  half_yearly: "Semestrielle",
  yearly: "Annuelle",
  mid_term_and_final: "À mi-parcours et au terme",
  once: "Une fois",
} satisfies Record<CollectionFrequency, string>;

export const STANDING_LABELS = {
  reached: "Cible atteinte",
  on_track: "Dans la trajectoire",
  at_risk: "À surveiller",
  late: "En retard",
  unknown: "Pas encore mesurable",
} satisfies Record<IndicatorStanding, string>;

export const STANDING_TONES = {
  reached: "success",
  on_track: "success",
  at_risk: "warning",
  late: "warning",
  unknown: "neutral",
} as const satisfies Record<IndicatorStanding, "success" | "warning" | "neutral">;

/** Why an indicator is « Pas encore mesurable ». */
export const UNJUDGED_REASON_LABELS = {
  no_measurement: "aucune mesure saisie",
  no_target: "pas de cible datée",
  no_baseline: "sans valeur de départ, il sera jugé à sa date cible",
} satisfies Record<UnjudgedReason, string>;

/** « En retard », or « Pas encore mesurable : aucune mesure saisie »: the standing, with its reason when there is one. */
export function judgementLabel(judgement: IndicatorJudgement): string {
  const label = STANDING_LABELS[judgement.standing];
  return judgement.reason ? `${label}\u00a0: ${UNJUDGED_REASON_LABELS[judgement.reason]}` : label;
}

/** Field names of measurements in the audit log (an indicator's own come from its catalogue, ./schema.ts). */
export const MEASUREMENT_FIELD_LABELS: Record<string, string> = {
  measuredOn: "Date de mesure",
  value: "Valeur",
  source: "Source",
  comment: "Commentaire",
};

/**
 * A value of an indicator with its unit, « 42,5 % », or « — ». Exact decimals are shown as text:
 * through a JavaScript number, a value with more than about 15 significant digits would be rounded.
 */
export const indicatorValueText = (value: { toString(): string } | null, unit: string | null) =>
  value === null ? "—" : `${formatDecimal(value)}${unit ? `\u00a0${unit}` : ""}`;
