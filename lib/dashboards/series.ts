// The dashboard's chart series, each with the one-sentence French summary its chart carries
// (RGAA: a text alternative) and the rows of its data table. Pure functions of the contract's
// data: the live contract's loader (./queries.ts) feeds them today, a campaign's frozen
// snapshot can feed them the same shapes later.
import type { ProgressStatus } from "@/lib/db/generated/enums";
import { axisLabel, ficheLabel } from "@/lib/contracts/labels";
import { axisProgress, isInPlan, type AxisWithFiches } from "@/lib/contracts/progress";
import { formatCount, formatDate, formatEuros, formatNumber, selectPlural } from "@/lib/format";
import { UNJUDGED_REASON_LABELS } from "@/lib/indicators/labels";
import { judgeIndicator, type IndicatorJudgement, type IndicatorStanding, type UnjudgedReason } from "@/lib/indicators/trajectory";

/** An axis as the dashboard reads it: its heading and its fiches' statuses and progress (lib/contracts/progress.ts). */
export type DashboardAxis = AxisWithFiches & {
  id: string;
  number: number | null;
  title: string;
  isTransversal: boolean;
  fiches: ReadonlyArray<AxisWithFiches["fiches"][number] & { status: ProgressStatus }>;
};

/** An indicator with its latest measurement, and the axis and fiche it belongs to. */
export type DashboardIndicator = {
  id: string;
  axisId: string;
  ficheNumber: number;
  name: string;
  unit: string | null;
  direction: "increase" | "decrease";
  baselineValue: number | null;
  baselineOn: Date | null;
  targetValue: number | null;
  targetOn: Date | null;
  latestValue: number | null;
  latestOn: Date | null;
};

/** The budget planned with one funder, summed over the contract's fiches. */
export type FunderBudget = {
  funder: string | null;
  amount: number;
  /** The planned amount exactly, and what the latest campaign with spending says was spent of it ("0.00" without one). */
  planned?: string;
  spent?: string;
};

/** How many commitments of one organisation have a status, and whether their fiche has ended (overdue). */
export type CommitmentCount = { organisationId: string; organisation: string; status: ProgressStatus; overdue: boolean; count: number };

/** A series' key: its French label and its colour (AA contrast on white, app/globals.css palette). */
export type SeriesKey = { key: string; label: string; color: string };
/** One bar of a stacked chart: its label and a value per series key. */
export type StackedRow = { label: string; values: Record<string, number> };
export type BarRow = { label: string; title?: string; value: number | null };

const NNBSP = "\u202f";
const percent = (value: number) => `${formatNumber(value)}${NNBSP}%`;
const share = (part: number, whole: number) => (whole ? Math.round((part / whole) * 100) : 0);
/** "a, b et c". */
const listed = (items: string[]) => (items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} et ${items.at(-1)}`);
const lowerAxis = (axis: Pick<DashboardAxis, "number" | "isTransversal">) => `l’${axisLabel(axis).toLowerCase()}`;

// ——— Achievement by axis ———

export function achievementByAxis(axes: readonly DashboardAxis[]): { rows: BarRow[]; summary: string } {
  const rows = axes.map((axis) => ({ label: axisLabel(axis), title: axis.title, value: axisProgress(axis) }));
  const measured = axes.flatMap((axis, index) => (rows[index].value === null ? [] : [{ axis, value: rows[index].value! }]));
  if (!measured.length) return { rows, summary: "Aucun axe n’a encore de fiche action qui compte dans l’avancement." };
  const over = measured.filter(({ value }) => value > 50).length;
  const best = measured.reduce((top, entry) => (entry.value > top.value ? entry : top));
  const overText = over
    ? `${formatNumber(over)} ${selectPlural(over, { one: "axe", other: "axes" })} sur ${formatNumber(axes.length)} ${selectPlural(over, { one: "dépasse", other: "dépassent" })} 50${NNBSP}% d’avancement`
    : `Aucun axe ne dépasse encore 50${NNBSP}% d’avancement`;
  return {
    rows,
    summary: `${overText}${NNBSP}; ${lowerAxis(best.axis)} est le plus avancé (${percent(best.value)}).`,
  };
}

// ——— Fiches by status ———

export const FICHE_STATUS_KEYS: SeriesKey[] = [
  { key: "completed", label: "Réalisées", color: "#047857" },
  { key: "in_progress", label: "En cours", color: "#1a6b7c" },
  { key: "delayed", label: "En retard", color: "#b45309" },
  { key: "not_started", label: "Non commencées", color: "#64748b" },
  { key: "abandoned", label: "Abandonnées", color: "#1e293b" },
];
const FICHE_STATUS_WORDS: Record<ProgressStatus, { one: string; other: string }> = {
  completed: { one: "réalisée", other: "réalisées" },
  in_progress: { one: "en cours", other: "en cours" },
  delayed: { one: "en retard", other: "en retard" },
  not_started: { one: "non commencée", other: "non commencées" },
  abandoned: { one: "abandonnée", other: "abandonnées" },
};

const zeros = (keys: readonly SeriesKey[]) => Object.fromEntries(keys.map(({ key }) => [key, 0])) as Record<string, number>;

export function fichesByStatus(axes: readonly DashboardAxis[]): { rows: StackedRow[]; summary: string } {
  const rows = axes.map((axis) => {
    const values = zeros(FICHE_STATUS_KEYS);
    for (const fiche of axis.fiches) if (isInPlan(fiche)) values[fiche.status] += 1;
    return { label: axisLabel(axis), values };
  });
  const total = axes.reduce((sum, axis) => sum + axis.fiches.filter(isInPlan).length, 0);
  if (!total) return { rows, summary: "Le contrat n’a pas encore de fiche action." };
  const parts = FICHE_STATUS_KEYS.flatMap(({ key }) => {
    const count = rows.reduce((sum, row) => sum + row.values[key], 0);
    return count ? [`${formatNumber(count)} ${selectPlural(count, FICHE_STATUS_WORDS[key as ProgressStatus])}`] : [];
  });
  return { rows, summary: `${formatCount(total, "fiche action", "fiches actions")}\u00a0: ${listed(parts)}.` };
}

// ——— Indicators ———

export const STANDING_KEYS: SeriesKey[] = [
  { key: "reached", label: "Cible atteinte", color: "#047857" },
  { key: "on_track", label: "Dans la trajectoire", color: "#1a6b7c" },
  { key: "at_risk", label: "À surveiller", color: "#b45309" },
  { key: "late", label: "En retard", color: "#b91c1c" },
  { key: "unknown", label: "Pas encore mesurable", color: "#64748b" },
];
const REASON_WORDS: Record<UnjudgedReason, string> = {
  no_measurement: "sans mesure",
  no_target: "sans cible datée",
  no_baseline: "sans valeur de départ avant leur date cible",
};

const point = (value: number | null, on: Date | null) => (value !== null && on ? { value, on } : null);

/** An indicator's judgement on `asOf` (lib/indicators/trajectory.ts), from its latest measurement. */
export function judgeDashboardIndicator(indicator: DashboardIndicator, asOf: Date): IndicatorJudgement {
  return judgeIndicator(
    {
      direction: indicator.direction,
      baseline: point(indicator.baselineValue, indicator.baselineOn),
      target: point(indicator.targetValue, indicator.targetOn),
    },
    point(indicator.latestValue, indicator.latestOn),
    asOf,
  );
}

/** Indicators by standing, per axis, and the sentence that says how many are on course, late, or cannot be judged and why. */
export function indicatorsByStanding(
  axes: ReadonlyArray<Pick<DashboardAxis, "id" | "number" | "isTransversal">>,
  indicators: readonly DashboardIndicator[],
  asOf: Date,
): { rows: StackedRow[]; summary: string } {
  const byAxis = new Map(axes.map((axis) => [axis.id, zeros(STANDING_KEYS)]));
  const reasons: Record<UnjudgedReason, number> = { no_measurement: 0, no_target: 0, no_baseline: 0 };
  const totals = zeros(STANDING_KEYS) as Record<IndicatorStanding, number>;
  for (const indicator of indicators) {
    const { standing, reason } = judgeDashboardIndicator(indicator, asOf);
    const values = byAxis.get(indicator.axisId);
    if (values) values[standing] += 1;
    totals[standing] += 1;
    if (reason) reasons[reason] += 1;
  }
  const rows = axes.map((axis) => ({ label: axisLabel(axis), values: byAxis.get(axis.id)! }));
  if (!indicators.length) return { rows, summary: "Aucune fiche action n’a encore d’indicateur." };
  const onCourse = totals.reached + totals.on_track;
  const late = totals.at_risk + totals.late;
  const why = (Object.keys(reasons) as UnjudgedReason[]).flatMap((reason) =>
    reasons[reason] ? [`${formatNumber(reasons[reason])} ${REASON_WORDS[reason]}`] : [],
  );
  const parts = [
    `${formatNumber(onCourse)} sur ${formatCount(indicators.length, "indicateur", "indicateurs")} ${selectPlural(onCourse, { one: "atteint sa cible ou suit sa trajectoire", other: "atteignent leur cible ou suivent leur trajectoire" })}`,
    `${formatNumber(late)} ${selectPlural(late, { one: "est en retard ou à surveiller", other: "sont en retard ou à surveiller" })}`,
    ...(totals.unknown
      ? [
          `${formatNumber(totals.unknown)} ${selectPlural(totals.unknown, { one: "ne peut pas encore être jugé", other: "ne peuvent pas encore être jugés" })} (${why.join(", ")})`,
        ]
      : []),
  ];
  return { rows, summary: `${parts.join(`${NNBSP}; `)}.` };
}

/** A point of an indicator's trajectory chart: a measurement, or the straight path's ends (baseline, target). */
export type TrajectoryPoint = { at: number; date: string; measured: number | null; path: number | null };

export function indicatorTrajectory(
  indicator: DashboardIndicator & { fiche?: string },
  measurements: ReadonlyArray<{ value: number; measuredOn: Date }>,
  asOf: Date,
): { points: TrajectoryPoint[]; target: number | null; summary: string; judgement: IndicatorJudgement } {
  const judgement = judgeDashboardIndicator(indicator, asOf);
  const baseline = point(indicator.baselineValue, indicator.baselineOn);
  const target = point(indicator.targetValue, indicator.targetOn);
  const entries = new Map<number, TrajectoryPoint>();
  const at = (on: Date) => {
    const key = on.getTime();
    if (!entries.has(key)) entries.set(key, { at: key, date: formatDate(on), measured: null, path: null });
    return entries.get(key)!;
  };
  for (const measurement of measurements) at(measurement.measuredOn).measured = measurement.value;
  // The path is drawn only where both ends are known: from the baseline to the target.
  if (baseline && target) {
    at(baseline.on).path = baseline.value;
    at(target.on).path = target.value;
  }
  const points = [...entries.values()].sort((a, b) => a.at - b.at);
  const unit = indicator.unit ? `\u00a0${indicator.unit}` : "";
  const value = (number: number) => `${formatNumber(number)}${unit}`;
  const facts = [
    baseline ? `départ ${value(baseline.value)} le ${formatDate(baseline.on)}` : "pas de valeur de départ",
    indicator.latestValue !== null && indicator.latestOn
      ? `dernière mesure ${value(indicator.latestValue)} le ${formatDate(indicator.latestOn)}`
      : "aucune mesure",
    target ? `cible ${value(target.value)} au ${formatDate(target.on)}` : "pas de cible datée",
  ];
  const verdict = STANDING_KEYS.find(({ key }) => key === judgement.standing)!.label.toLowerCase();
  const reason = judgement.reason ? ` (${UNJUDGED_REASON_LABELS[judgement.reason]})` : "";
  return {
    points,
    target: target?.value ?? null,
    judgement,
    summary: `${indicator.name}\u00a0: ${facts.join(", ")}${NNBSP}; ${verdict}${reason}.`,
  };
}

/** "Fiche n° 3", the fiche an indicator belongs to. */
export const indicatorFiche = (indicator: Pick<DashboardIndicator, "ficheNumber">) => ficheLabel(indicator.ficheNumber);

// ——— Budget ———

export const UNNAMED_FUNDER = "Financeur non précisé";

export function budgetByFunder(lines: readonly FunderBudget[]): { rows: BarRow[]; total: number; summary: string } {
  const rows = lines
    .map((line) => ({ label: line.funder ?? UNNAMED_FUNDER, value: line.amount }))
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label, "fr"));
  const total = rows.reduce((sum, row) => sum + row.value, 0);
  if (!rows.length) return { rows, total, summary: "Aucune ligne de budget n’est saisie dans les fiches actions." };
  const first = rows[0];
  return {
    rows,
    total,
    summary: `${formatEuros(total)} prévus avec ${formatCount(rows.length, "financeur", "financeurs")}${NNBSP}; le premier est ${first.label} (${formatEuros(first.value)}, ${percent(share(first.value, total))}).`,
  };
}

// ——— Commitments by partner ———

export const COMMITMENT_KEYS: SeriesKey[] = [
  { key: "completed", label: "Tenus", color: "#047857" },
  { key: "in_progress", label: "En cours", color: "#1a6b7c" },
  { key: "not_started", label: "Non commencés", color: "#64748b" },
  { key: "late", label: "En retard", color: "#b91c1c" },
];
const COMMITMENT_WORDS: Record<string, { one: string; other: string }> = {
  completed: { one: "tenu", other: "tenus" },
  in_progress: { one: "en cours", other: "en cours" },
  not_started: { one: "non commencé", other: "non commencés" },
  late: { one: "en retard", other: "en retard" },
};

/** Where a commitment counts: late when so reported or when its fiche has ended unfinished; abandoned ones do not count. */
function commitmentKey({ status, overdue }: Pick<CommitmentCount, "status" | "overdue">): string | null {
  if (status === "abandoned") return null;
  if (status === "completed") return "completed";
  if (status === "delayed" || overdue) return "late";
  return status;
}

/** Each partner's commitments by where they stand, the partners with the most first. */
export function commitmentsByPartner(counts: readonly CommitmentCount[]): { rows: (StackedRow & { total: number })[]; summary: string } {
  const byOrganisation = new Map<string, StackedRow & { total: number }>();
  for (const count of counts) {
    const key = commitmentKey(count);
    if (!key) continue;
    let row = byOrganisation.get(count.organisationId);
    if (!row) byOrganisation.set(count.organisationId, (row = { label: count.organisation, values: zeros(COMMITMENT_KEYS), total: 0 }));
    row.values[key] += count.count;
    row.total += count.count;
  }
  const rows = [...byOrganisation.values()].sort((a, b) => b.total - a.total || a.label.localeCompare(b.label, "fr"));
  const total = rows.reduce((sum, row) => sum + row.total, 0);
  if (!total) return { rows, summary: "Aucun partenaire n’a encore d’engagement en cours." };
  const parts = COMMITMENT_KEYS.flatMap(({ key }) => {
    const count = rows.reduce((sum, row) => sum + row.values[key], 0);
    return count ? [`${formatNumber(count)} ${selectPlural(count, COMMITMENT_WORDS[key])}`] : [];
  });
  const mostLate = rows.reduce<(typeof rows)[number] | null>((top, row) => (row.values.late > (top?.values.late ?? 0) ? row : top), null);
  return {
    rows,
    summary:
      `${formatCount(total, "engagement", "engagements")} de ${formatCount(rows.length, "partenaire", "partenaires")}\u00a0: ${listed(parts)}` +
      (mostLate ? `${NNBSP}; ${mostLate.label} a le plus d’engagements en retard (${formatNumber(mostLate.values.late)}).` : "."),
  };
}
