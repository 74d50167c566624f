// French labels for fiche actions and their objectives.
import type { GeographicScope, Priority, ProgressStatus } from "@/lib/db/generated/enums";

export const PROGRESS_STATUS_LABELS = {
  not_started: "Non commencée",
  in_progress: "En cours",
  completed: "Réalisée",
  delayed: "En retard",
  abandoned: "Abandonnée",
} satisfies Record<ProgressStatus, string>;

/** The statuses after a count of fiches, agreeing with it: « 1 réalisée », « 3 réalisées ». */
export const PROGRESS_STATUS_COUNT_LABELS = {
  not_started: ["non commencée", "non commencées"],
  in_progress: ["en cours", "en cours"],
  completed: ["réalisée", "réalisées"],
  delayed: ["en retard", "en retard"],
  abandoned: ["abandonnée", "abandonnées"],
} satisfies Record<ProgressStatus, [string, string]>;

export const PROGRESS_STATUS_TONES = {
  not_started: "neutral",
  in_progress: "brand",
  completed: "success",
  delayed: "warning",
  abandoned: "neutral",
} as const satisfies Record<ProgressStatus, "neutral" | "brand" | "success" | "warning">;

export const PRIORITY_LABELS = { low: "Basse", medium: "Moyenne", high: "Haute" } satisfies Record<Priority, string>;

export const GEOGRAPHIC_SCOPE_LABELS = {
  whole_territory: "Tout le territoire",
  communes: "Communes désignées",
  qpv: "Quartiers prioritaires (QPV)",
  other: "Autre périmètre",
} satisfies Record<GeographicScope, string>;

/** « CPAM de la Drôme (FIR) 2025 »: a budget line by its funder (an organisation, or a name typed), instrument and year. */
export const budgetLineLabel = (line: {
  funder: { name: string } | null;
  funderLabel: string | null;
  fundingInstrument: string | null;
  year: number | null;
}) =>
  `${line.funder?.name ?? line.funderLabel ?? ""}${line.fundingInstrument ? ` (${line.fundingInstrument})` : ""}${line.year ? ` ${line.year}` : ""}`;
