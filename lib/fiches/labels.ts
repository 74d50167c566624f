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

/**
 * The themes of CLS actions, a controlled list (DOMAIN.md, "Common themes"): tags compared across
 * territories by the search's facets and the open data, so they are codes, never free text.
 */
export const FICHE_THEME_LABELS = {
  mental_health: "Santé mentale",
  addictions: "Addictions et conduites à risque",
  nutrition_physical_activity: "Nutrition et activité physique",
  environmental_health: "Santé-environnement et habitat",
  access_to_care: "Accès aux soins et attractivité",
  access_to_rights: "Accès aux droits et précarité",
  childhood_youth: "Enfance, jeunesse, parentalité, périnatalité",
  ageing_carers: "Vieillissement et autonomie, aidants",
  disability: "Handicap",
  chronic_diseases: "Cancers et maladies chroniques, éducation thérapeutique",
  sexual_health: "Santé sexuelle",
  violence: "Violences",
  coordination: "Coordination des acteurs et lisibilité de l’offre",
  mobility: "Mobilité",
} as const;

export type FicheTheme = keyof typeof FICHE_THEME_LABELS;
export const FICHE_THEMES = Object.keys(FICHE_THEME_LABELS) as [FicheTheme, ...FicheTheme[]];

/** A stored theme's label; a value outside the list (none should remain) shows as it is. */
export const themeLabel = (theme: string) => (Object.hasOwn(FICHE_THEME_LABELS, theme) ? FICHE_THEME_LABELS[theme as FicheTheme] : theme);
