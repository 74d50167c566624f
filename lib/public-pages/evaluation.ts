// The last closed evaluation of a published contract, as its public page shows it (issue 13):
// read from the campaign's snapshot (lib/evaluations), so that later edits change nothing, and
// cut down to what may be public. Budget planned and spent, partners' contributions and meeting
// minutes stay out until fields can be kept confidential: what this module returns is all the
// page can show, and a test checks that no amount leaks into it.
import { axisLabel } from "@/lib/contracts/labels";
import type { Prisma } from "@/lib/db/generated/client";
import type { EvaluationKind, RealisationStatus } from "@/lib/db/generated/enums";
import { getDb } from "@/lib/db/client";
import { REALISATION_KEYS, REALISATION_WORDS } from "@/lib/dashboards/evaluation-series";
import { indicatorsByStanding, type BarRow, type StackedRow } from "@/lib/dashboards/series";
import { evaluationDay, evaluationFigures, type EvaluatedAxis, type RealisationCounts } from "@/lib/evaluations/figures";
import { readCampaignEvaluation } from "@/lib/evaluations/read";
import { formatCount, formatNumber, selectPlural } from "@/lib/format";

/** The campaign a published contract's page shows: its last closed one, never an open one's provisional figures. */
export const publicCampaignSelect = {
  where: { status: "closed", snapshotId: { not: null } },
  orderBy: { closedAt: "desc" },
  take: 1,
  select: { id: true },
} satisfies Prisma.EvaluationCampaignFindManyArgs;

const STATUSES = REALISATION_KEYS.flatMap(({ key }) => (key === "unassessed" ? [] : [key as RealisationStatus]));

/** One axis's bar: its mean achievement rate, and how many of its fiches were assessed. */
export type AxisAchievementRow = BarRow & { assessed: number; fiches: number };

export type PublicEvaluation = {
  kind: EvaluationKind;
  periodStart: Date | null;
  periodEnd: Date | null;
  closedAt: Date;
  synthesis: string | null;
  /** Fiches of the contract when the campaign closed, and how many of them were assessed. */
  fiches: number;
  assessed: number;
  /** The mean achievement rate of the assessed fiches that give one, rounded; null when none does. */
  achievement: number | null;
  realisation: RealisationCounts;
  achievementByAxis: { rows: AxisAchievementRow[]; summary: string };
  realisationByAxis: { rows: StackedRow[]; summary: string };
  /** How many indicators reached their target or are on course, how many are late, how many cannot be judged and why. */
  indicators: string;
};

const NNBSP = "\u202f";
const percent = (value: number) => `${formatNumber(value)}${NNBSP}%`;
/** "a, b et c". */
const listed = (items: string[]) => (items.length < 2 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} et ${items.at(-1)}`);
const lowerAxis = (axis: Pick<EvaluatedAxis, "number" | "isTransversal">) => `l’${axisLabel(axis).toLowerCase()}`;

export function achievementByAxis(axes: readonly EvaluatedAxis[]): PublicEvaluation["achievementByAxis"] {
  const rows = axes.map((axis) => ({
    label: axisLabel(axis),
    title: axis.title,
    value: axis.achievement,
    assessed: axis.assessed,
    fiches: axis.fiches.length,
  }));
  const measured = axes.flatMap((axis) => (axis.achievement === null ? [] : [{ axis, value: axis.achievement }]));
  if (!measured.length) return { rows, summary: "Aucune fiche action évaluée ne donne de taux de réalisation." };
  const best = measured.reduce((top, entry) => (entry.value > top.value ? entry : top));
  const worst = measured.reduce((low, entry) => (entry.value < low.value ? entry : low));
  if (measured.length === 1)
    return { rows, summary: `Seul ${lowerAxis(best.axis)} a des fiches évaluées, réalisées en moyenne à ${percent(best.value)}.` };
  if (best.value === worst.value)
    return { rows, summary: `Les fiches évaluées de chaque axe sont réalisées en moyenne à ${percent(best.value)}.` };
  return {
    rows,
    summary: `Le taux de réalisation moyen va de ${percent(worst.value)} pour ${lowerAxis(worst.axis)} à ${percent(best.value)} pour ${lowerAxis(best.axis)}.`,
  };
}

export function realisationByAxis(axes: readonly EvaluatedAxis[], counts: RealisationCounts): PublicEvaluation["realisationByAxis"] {
  const rows = axes.map((axis) => {
    const values: Record<string, number> = Object.fromEntries(REALISATION_KEYS.map(({ key }) => [key, 0]));
    for (const fiche of axis.fiches) values[fiche.assessment?.realisationStatus ?? "unassessed"] += 1;
    return { label: axisLabel(axis), values };
  });
  const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
  const assessed = total - counts.unassessed;
  if (!total) return { rows, summary: "Le contrat n’avait pas de fiche action quand l’évaluation a été close." };
  if (!assessed) return { rows, summary: `Aucune des ${formatCount(total, "fiche action", "fiches actions")} n’a été évaluée.` };
  const parts = STATUSES.flatMap((status) =>
    counts[status] ? [`${formatNumber(counts[status])} ${selectPlural(counts[status], REALISATION_WORDS[status])}`] : [],
  );
  return {
    rows,
    summary: `${formatCount(assessed, "fiche action évaluée", "fiches actions évaluées")} sur ${formatNumber(total)}\u00a0: ${listed(parts)}.`,
  };
}

/**
 * The last closed evaluation of a contract the caller has read as published (lib/territories/queries.ts
 * selects its last closed campaign with `publicCampaignSelect`), or null when it has none: two
 * queries (the campaign, its snapshot) whatever the number of fiches.
 */
export async function findPublicEvaluation(
  contract: { id: string; campaigns: ReadonlyArray<{ id: string }> },
  today = new Date(),
): Promise<PublicEvaluation | null> {
  const campaign = contract.campaigns[0];
  if (!campaign) return null;
  const read = await readCampaignEvaluation(getDb(), contract.id, campaign.id, today);
  // Only a frozen evaluation is public: never the live tables an open campaign reads.
  if (read.campaign.status !== "closed" || !read.campaign.closedAt || !read.campaign.snapshotId) return null;
  const figures = evaluationFigures(read, evaluationDay(read.campaign, today));
  return {
    kind: read.campaign.kind,
    periodStart: read.campaign.periodStart,
    periodEnd: read.campaign.periodEnd,
    closedAt: read.campaign.closedAt,
    synthesis: read.campaign.synthesis,
    fiches: figures.fiches.length,
    assessed: figures.assessed,
    achievement: figures.achievement,
    realisation: figures.realisation,
    achievementByAxis: achievementByAxis(figures.axes),
    realisationByAxis: realisationByAxis(figures.axes, figures.realisation),
    // Only the sentence: the per-axis rows are the dashboard's.
    indicators: indicatorsByStanding([], figures.indicators, read.campaign.closedAt).summary,
  };
}
