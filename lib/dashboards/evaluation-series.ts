// A campaign dashboard's chart series, each with its one-sentence French summary (RGAA) and the
// rows of its data table: pure functions of a campaign's figures (lib/evaluations/figures.ts), the
// same whether the campaign is open (live tables) or closed (its snapshot).
import type { ContributionOutcome, EvaluationKind, RealisationStatus } from "@/lib/db/generated/enums";
import { axisLabel } from "@/lib/contracts/labels";
import {
  fromCents,
  toCents,
  type EvaluatedAxis,
  type EvaluationFigures,
  type FunderFigures,
  type PartnerContributions,
} from "@/lib/evaluations/figures";
import { CRITERIA, CRITERION_LABELS } from "@/lib/assessments/labels";
import { formatCount, formatEuros, formatNumber, selectPlural } from "@/lib/format";
import { UNNAMED_FUNDER, type BarRow, type FunderBudget, type SeriesKey, type StackedRow } from "./series";

/** Fiches by what became of them, as charts stack them (labels of lib/assessments/labels.ts, plus the unassessed). */
export const REALISATION_KEYS: SeriesKey[] = [
  { key: "completed", label: "Réalisées", color: "#047857" },
  { key: "partially_completed", label: "Partiellement réalisées", color: "#1a6b7c" },
  { key: "not_started", label: "Non démarrées", color: "#b45309" },
  { key: "abandoned", label: "Abandonnées", color: "#1e293b" },
  { key: "unassessed", label: "Non évaluées", color: "#64748b" },
];
export const REALISATION_WORDS: Record<RealisationStatus | "unassessed", { one: string; other: string }> = {
  completed: { one: "réalisée", other: "réalisées" },
  partially_completed: { one: "partiellement réalisée", other: "partiellement réalisées" },
  not_started: { one: "non démarrée", other: "non démarrées" },
  abandoned: { one: "abandonnée", other: "abandonnées" },
  unassessed: { one: "non évaluée", other: "non évaluées" },
};

export const CONTRIBUTION_KEYS: SeriesKey[] = [
  { key: "kept", label: "Tenus", color: "#047857" },
  { key: "partly_kept", label: "Partiellement tenus", color: "#1a6b7c" },
  { key: "not_kept", label: "Non tenus", color: "#b91c1c" },
  { key: "unreported", label: "Non renseignés", color: "#64748b" },
];
const CONTRIBUTION_WORDS: Record<ContributionOutcome | "unreported", { one: string; other: string }> = {
  kept: { one: "tenu", other: "tenus" },
  partly_kept: { one: "partiellement tenu", other: "partiellement tenus" },
  not_kept: { one: "non tenu", other: "non tenus" },
  unreported: { one: "non renseigné", other: "non renseignés" },
};

/** The evaluations' short names, for the comparison's columns and sentences. */
export const CAMPAIGN_SHORT_LABELS: Record<EvaluationKind, string> = { mid_term: "Mi-parcours", final: "Évaluation finale" };

const NNBSP = "\u202f";
const percent = (value: number) => `${formatNumber(value)}${NNBSP}%`;
const listed = (items: string[]) => (items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} et ${items.at(-1)}`);
const euros = (decimal: string) => Number(decimal);

// ——— Achievement by axis ———

/** The mean achievement rate the assessments give each axis. */
export function campaignAchievementByAxis(axes: readonly EvaluatedAxis[]): {
  rows: (BarRow & { assessed: number; fiches: number })[];
  summary: string;
} {
  const rows = axes.map((axis) => ({
    label: axisLabel(axis),
    title: axis.title,
    value: axis.achievement,
    assessed: axis.assessed,
    fiches: axis.fiches.length,
  }));
  const measured = rows.filter((row): row is typeof row & { value: number } => row.value !== null);
  if (!measured.length) return { rows, summary: "Aucune fiche action évaluée ne donne encore de taux de réalisation." };
  const best = measured.reduce((top, row) => (row.value > top.value ? row : top));
  const worst = measured.reduce((low, row) => (row.value < low.value ? row : low));
  const spread = measured.length > 1 && best !== worst ? `, le moins avancé ${worst.label} (${percent(worst.value)})` : "";
  return {
    rows,
    summary: `Taux de réalisation moyen des fiches évaluées${NNBSP}: ${best.label} est le plus avancé (${percent(best.value)})${spread}.`,
  };
}

// ——— Realisation by axis ———

export function realisationByAxis(axes: readonly EvaluatedAxis[]): { rows: StackedRow[]; summary: string } {
  const rows = axes.map((axis) => {
    const values = Object.fromEntries(REALISATION_KEYS.map(({ key }) => [key, 0])) as Record<string, number>;
    for (const fiche of axis.fiches) values[fiche.assessment?.realisationStatus ?? "unassessed"] += 1;
    return { label: axisLabel(axis), values };
  });
  const total = rows.reduce((sum, row) => sum + Object.values(row.values).reduce((a, b) => a + b, 0), 0);
  if (!total) return { rows, summary: "Le contrat n’a pas de fiche action à évaluer." };
  const parts = REALISATION_KEYS.flatMap(({ key }) => {
    const count = rows.reduce((sum, row) => sum + row.values[key], 0);
    return count ? [`${formatNumber(count)} ${selectPlural(count, REALISATION_WORDS[key as RealisationStatus | "unassessed"])}`] : [];
  });
  return { rows, summary: `${formatCount(total, "fiche action", "fiches actions")}\u00a0: ${listed(parts)}.` };
}

// ——— Criteria ———

export function criteriaAverages(criteria: EvaluationFigures["criteria"]): { rows: (BarRow & { count: number })[]; summary: string } {
  const rows = CRITERIA.map((criterion) => ({
    label: CRITERION_LABELS[criterion].label,
    value: criteria[criterion].average,
    count: criteria[criterion].count,
  }));
  const rated = rows.filter((row): row is typeof row & { value: number } => row.value !== null);
  if (!rated.length) return { rows, summary: "Aucun critère n’est encore noté." };
  const best = rated.reduce((top, row) => (row.value > top.value ? row : top));
  const worst = rated.reduce((low, row) => (row.value < low.value ? row : low));
  const rating = (value: number) => `${formatNumber(value)} sur 4`;
  return {
    rows,
    summary:
      best === worst || best.value === worst.value
        ? `Note moyenne des critères notés${NNBSP}: ${rating(best.value)}.`
        : `Le critère le mieux noté est ${best.label.toLowerCase()} (${rating(best.value)}), le moins bien noté ${worst.label.toLowerCase()} (${rating(worst.value)}).`,
  };
}

// ——— Budget planned against spent ———

/** The series of a planned-against-spent chart. */
export const PLANNED_SPENT: SeriesKey[] = [
  { key: "planned", label: "Prévu", color: "#145866" },
  { key: "spent", label: "Dépensé", color: "#b45309" },
];

/** The contract dashboard's budget rows (./queries.ts) as budgetPlannedSpent reads them, with their exact totals. */
export function plannedAndSpent(rows: readonly FunderBudget[]): [FunderFigures[], { planned: string; spent: string }] {
  const figures = rows.map((row) => ({ funder: row.funder, planned: row.planned ?? "0.00", spent: row.spent ?? "0.00" }));
  const sum = (key: "planned" | "spent") => fromCents(figures.reduce((total, row) => total + toCents(row[key]), 0n));
  return [figures, { planned: sum("planned"), spent: sum("spent") }];
}

export type PlannedSpentRow = { label: string; planned: number; spent: number; plannedText: string; spentText: string };

export function budgetPlannedSpent(
  budget: readonly FunderFigures[],
  total: { planned: string; spent: string },
): { rows: PlannedSpentRow[]; summary: string } {
  const rows = budget.map((entry) => ({
    label: entry.funder ?? UNNAMED_FUNDER,
    planned: euros(entry.planned),
    spent: euros(entry.spent),
    plannedText: formatEuros(entry.planned),
    spentText: formatEuros(entry.spent),
  }));
  if (!rows.length) return { rows, summary: "Aucune ligne de budget n’est saisie dans les fiches actions." };
  const planned = euros(total.planned);
  const spent = euros(total.spent);
  const rate = planned ? Math.round((spent / planned) * 100) : 0;
  const first = rows[0];
  return {
    rows,
    summary:
      `${formatEuros(total.spent)} dépensés sur ${formatEuros(total.planned)} prévus (${percent(rate)}) avec ${formatCount(rows.length, "financeur", "financeurs")}` +
      `${NNBSP}; le premier, ${first.label}, a ${first.spentText} dépensés sur ${first.plannedText}.`,
  };
}

// ——— Contributions by partner ———

export function contributionsByPartner(partners: readonly PartnerContributions[]): {
  rows: (StackedRow & { total: number })[];
  summary: string;
} {
  const rows = partners.map((partner) => ({
    label: partner.organisation,
    values: { ...partner.outcomes } as Record<string, number>,
    total: partner.commitments,
  }));
  const total = rows.reduce((sum, row) => sum + row.total, 0);
  if (!total) return { rows, summary: "Aucun partenaire n’a d’engagement dans ce contrat." };
  const parts = CONTRIBUTION_KEYS.flatMap(({ key }) => {
    const count = rows.reduce((sum, row) => sum + row.values[key], 0);
    return count ? [`${formatNumber(count)} ${selectPlural(count, CONTRIBUTION_WORDS[key as ContributionOutcome | "unreported"])}`] : [];
  });
  return {
    rows,
    summary: `${formatCount(total, "engagement", "engagements")} de ${formatCount(rows.length, "partenaire", "partenaires")}\u00a0: ${listed(parts)}.`,
  };
}

// ——— Mid-term against final ———

/** What the comparison reads of a campaign: its figures (lib/evaluations/figures.ts), or the same totals read in SQL (./campaign-figures.ts). */
export type CampaignTotals = Pick<EvaluationFigures, "realisation" | "budgetTotal" | "achievement"> & {
  axes: ReadonlyArray<Pick<EvaluatedAxis, "id" | "number" | "title" | "isTransversal" | "achievement">>;
};
export type ComparedCampaign = { kind: EvaluationKind; figures: CampaignTotals };

/** Achievement by axis side by side, realisation counts and budget spent, mid-term first. */
export function compareCampaigns(midTerm: ComparedCampaign, final: ComparedCampaign) {
  const finalAxes = new Map(final.figures.axes.map((axis) => [axis.id, axis]));
  // Axes are matched by id: the contract's axes stay the same between its two evaluations.
  const seen = new Set<string>();
  const axes = [...midTerm.figures.axes, ...final.figures.axes].flatMap((axis) => {
    if (seen.has(axis.id)) return [];
    seen.add(axis.id);
    const mid = midTerm.figures.axes.find((candidate) => candidate.id === axis.id);
    return [
      { label: axisLabel(axis), title: axis.title, midTerm: mid?.achievement ?? null, final: finalAxes.get(axis.id)?.achievement ?? null },
    ];
  });
  const realisation = REALISATION_KEYS.map(({ key, label }) => ({
    key,
    label,
    midTerm: midTerm.figures.realisation[key as RealisationStatus | "unassessed"],
    final: final.figures.realisation[key as RealisationStatus | "unassessed"],
  }));
  const budget = (["planned", "spent"] as const).map((key) => ({
    label: key === "planned" ? "Budget prévu" : "Budget dépensé",
    midTerm: formatEuros(midTerm.figures.budgetTotal[key]),
    final: formatEuros(final.figures.budgetTotal[key]),
  }));
  const mean = (value: number | null) => (value === null ? "pas encore de taux" : percent(value));
  const completed = (figures: ComparedCampaign["figures"]) => figures.realisation.completed;
  const summary =
    `Taux de réalisation moyen${NNBSP}: ${mean(midTerm.figures.achievement)} à mi-parcours, ${mean(final.figures.achievement)} à l’évaluation finale` +
    `${NNBSP}; fiches réalisées${NNBSP}: ${formatNumber(completed(midTerm.figures))} puis ${formatNumber(completed(final.figures))}` +
    `${NNBSP}; budget dépensé${NNBSP}: ${formatEuros(midTerm.figures.budgetTotal.spent)} puis ${formatEuros(final.figures.budgetTotal.spent)}.`;
  return { axes, realisation, budget, summary };
}
