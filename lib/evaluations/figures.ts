// The figures every output of a campaign shares (its page, dashboard, reports and the public
// summary), computed once from its evaluation (./read.ts): pure functions, no database. Money is
// summed exactly in cents and handed on as decimal text; charts turn it into numbers themselves.
import type { ContributionOutcome, RealisationStatus } from "@/lib/db/generated/enums";
import type { DashboardIndicator } from "@/lib/dashboards/series";
import { judgeDashboardIndicator } from "@/lib/dashboards/series";
import type { IndicatorJudgement } from "@/lib/indicators/trajectory";
import type { ContractSnapshotContent, FrozenFiche } from "@/lib/snapshots/schema";
import type { CampaignEvaluation } from "./read";
import { CRITERIA, type Criterion } from "@/lib/assessments/labels";
import type { FrozenAssessment } from "./schema";

// ——— Exact money ———

/** "1234.5" → 123450n cents. Amounts are Decimal(14, 2): never more than two decimals. */
export function toCents(decimal: string): bigint {
  const [, sign, integer, fraction = ""] = /^(-?)(\d+)(?:\.(\d+))?$/.exec(decimal) ?? ["", "", "0"];
  const cents = BigInt(integer) * 100n + BigInt(fraction.padEnd(2, "0").slice(0, 2));
  return sign ? -cents : cents;
}

/** 123450n → "1234.50". */
export function fromCents(cents: bigint): string {
  const sign = cents < 0n ? "-" : "";
  const absolute = cents < 0n ? -cents : cents;
  return `${sign}${absolute / 100n}.${String(absolute % 100n).padStart(2, "0")}`;
}

// ——— Fiches and axes ———

const text = (value: unknown) => (typeof value === "string" ? value : null);
const integer = (value: unknown) => (typeof value === "number" ? value : null);

export type EvaluatedFiche = {
  id: string;
  axisId: string;
  number: number | null;
  title: string;
  /** The fiche's own progress status when the evaluation was read (lib/fiches). */
  status: string | null;
  pilot: string | null;
  assessment: FrozenAssessment | null;
  planned: string;
  spent: string | null;
};

export type EvaluatedAxis = {
  id: string;
  number: number | null;
  title: string;
  isTransversal: boolean;
  fiches: EvaluatedFiche[];
  assessed: number;
  /** The mean achievement rate of the axis's assessed fiches that give one, rounded; null when none does. */
  achievement: number | null;
};

export type RealisationCounts = Record<RealisationStatus | "unassessed", number>;

const mean = (values: readonly number[]) =>
  values.length ? Math.round(values.reduce((sum, value) => sum + value, 0) / values.length) : null;

function evaluatedFiches({ content, evaluation }: Pick<CampaignEvaluation, "content" | "evaluation">): EvaluatedFiche[] {
  const assessments = new Map(evaluation.assessments.map((assessment) => [assessment.ficheId, assessment]));
  const planned = new Map<string, bigint>();
  const spent = new Map<string, bigint>();
  for (const line of evaluation.budgetLines) {
    planned.set(line.ficheId, (planned.get(line.ficheId) ?? 0n) + toCents(line.planned));
    if (line.spent !== null) spent.set(line.ficheId, (spent.get(line.ficheId) ?? 0n) + toCents(line.spent));
  }
  return content.fiches.map((fiche: FrozenFiche) => ({
    id: fiche.id,
    axisId: fiche.axisId,
    number: integer(fiche.values.number),
    title: text(fiche.values.title) ?? "",
    status: text(fiche.values.status),
    pilot: text(fiche.shown.pilot_organisation) ?? text(fiche.values.pilot_organisation),
    assessment: assessments.get(fiche.id) ?? null,
    planned: fromCents(planned.get(fiche.id) ?? 0n),
    spent: spent.has(fiche.id) ? fromCents(spent.get(fiche.id)!) : null,
  }));
}

function evaluatedAxes(content: ContractSnapshotContent, fiches: readonly EvaluatedFiche[]): EvaluatedAxis[] {
  return [...content.axes]
    .sort((a, b) => a.position - b.position)
    .map((axis) => {
      const own = fiches.filter((fiche) => fiche.axisId === axis.id);
      const rates = own.flatMap((fiche) => (fiche.assessment?.achievementRate == null ? [] : [fiche.assessment.achievementRate]));
      return {
        id: axis.id,
        number: axis.number,
        title: axis.title,
        isTransversal: axis.isTransversal,
        fiches: own,
        assessed: own.filter((fiche) => fiche.assessment).length,
        achievement: mean(rates),
      };
    });
}

// ——— Indicators ———

const numberOf = (value: unknown) => (typeof value === "string" && value !== "" ? Number(value) : null);
const dayOf = (value: unknown) => (typeof value === "string" && value ? new Date(`${value}T00:00:00Z`) : null);

export type EvaluatedIndicator = DashboardIndicator & {
  ficheTitle: string;
  measurements: Array<{ value: number; measuredOn: Date }>;
  /** Latest value minus target, in the indicator's unit; null when either is unknown. */
  gapToTarget: number | null;
  judgement: IndicatorJudgement;
};

function evaluatedIndicators(fiches: readonly FrozenFiche[], asOf: Date): EvaluatedIndicator[] {
  return fiches.flatMap((fiche) =>
    fiche.indicators.map((indicator) => {
      const measurements = indicator.measurements
        .flatMap((measurement) => {
          const value = numberOf(measurement.value);
          const measuredOn = dayOf(measurement.measuredOn);
          return value === null || !measuredOn || measuredOn > asOf ? [] : [{ value, measuredOn }];
        })
        .sort((a, b) => a.measuredOn.getTime() - b.measuredOn.getTime());
      const latest = measurements.at(-1) ?? null;
      const row: DashboardIndicator = {
        id: indicator.id,
        axisId: fiche.axisId,
        ficheNumber: integer(fiche.values.number) ?? 0,
        name: text(indicator.values.name) ?? "",
        unit: text(indicator.values.unit),
        direction: indicator.values.direction === "decrease" ? "decrease" : "increase",
        baselineValue: numberOf(indicator.values.baseline_value),
        baselineOn: dayOf(indicator.values.baseline_on),
        targetValue: numberOf(indicator.values.target_value),
        targetOn: dayOf(indicator.values.target_on),
        latestValue: latest?.value ?? null,
        latestOn: latest?.measuredOn ?? null,
      };
      return {
        ...row,
        ficheTitle: text(fiche.values.title) ?? "",
        measurements,
        gapToTarget: row.latestValue !== null && row.targetValue !== null ? row.latestValue - row.targetValue : null,
        judgement: judgeDashboardIndicator(row, asOf),
      };
    }),
  );
}

// ——— Budget by funder ———

export type FunderFigures = { funder: string | null; planned: string; spent: string };

function budgetByFunder(evaluation: CampaignEvaluation["evaluation"]): FunderFigures[] {
  const byFunder = new Map<string, { funder: string | null; planned: bigint; spent: bigint }>();
  for (const line of evaluation.budgetLines) {
    const key = line.funderId ?? `label:${line.funder ?? ""}`;
    const entry = byFunder.get(key) ?? { funder: line.funder, planned: 0n, spent: 0n };
    entry.planned += toCents(line.planned);
    if (line.spent !== null) entry.spent += toCents(line.spent);
    byFunder.set(key, entry);
  }
  return [...byFunder.values()]
    .sort((a, b) => (b.planned > a.planned ? 1 : b.planned < a.planned ? -1 : (a.funder ?? "").localeCompare(b.funder ?? "", "fr")))
    .map((entry) => ({ funder: entry.funder, planned: fromCents(entry.planned), spent: fromCents(entry.spent) }));
}

// ——— Partners' contributions ———

export type PartnerContributions = {
  organisationId: string;
  organisation: string;
  commitments: number;
  outcomes: Record<ContributionOutcome | "unreported", number>;
};

function contributionsByPartner(content: ContractSnapshotContent, evaluation: CampaignEvaluation["evaluation"]): PartnerContributions[] {
  const outcomes = new Map(evaluation.contributions.map((contribution) => [contribution.commitmentId, contribution.outcome]));
  const byPartner = new Map<string, PartnerContributions>();
  const commitments = content.fiches.flatMap((fiche) => [
    ...fiche.commitments,
    ...fiche.objectives.flatMap((objective) => objective.commitments),
  ]);
  for (const commitment of commitments) {
    const entry = byPartner.get(commitment.organisationId) ?? {
      organisationId: commitment.organisationId,
      organisation: commitment.organisation,
      commitments: 0,
      outcomes: { kept: 0, partly_kept: 0, not_kept: 0, unreported: 0 },
    };
    entry.commitments += 1;
    entry.outcomes[outcomes.get(commitment.id) ?? "unreported"] += 1;
    byPartner.set(commitment.organisationId, entry);
  }
  return [...byPartner.values()].sort((a, b) => b.commitments - a.commitments || a.organisation.localeCompare(b.organisation, "fr"));
}

// ——— Everything at once ———

/** The figures of a campaign's evaluation on `asOf` (the closing day for a closed campaign, today otherwise). */
export function evaluationFigures(source: Pick<CampaignEvaluation, "content" | "evaluation">, asOf: Date) {
  const fiches = evaluatedFiches(source);
  const axes = evaluatedAxes(source.content, fiches);
  const realisation: RealisationCounts = { completed: 0, partially_completed: 0, not_started: 0, abandoned: 0, unassessed: 0 };
  for (const fiche of fiches) realisation[fiche.assessment?.realisationStatus ?? "unassessed"] += 1;
  const criteria = Object.fromEntries(
    CRITERIA.map((criterion) => {
      const ratings = fiches.flatMap((fiche) => {
        const rating = fiche.assessment?.criteria[criterion].rating;
        return rating == null ? [] : [rating];
      });
      const average = ratings.length ? Math.round((ratings.reduce((sum, value) => sum + value, 0) / ratings.length) * 10) / 10 : null;
      return [criterion, { average, count: ratings.length }];
    }),
  ) as Record<Criterion, { average: number | null; count: number }>;
  const rates = fiches.flatMap((fiche) => (fiche.assessment?.achievementRate == null ? [] : [fiche.assessment.achievementRate]));
  const budget = budgetByFunder(source.evaluation);
  return {
    fiches,
    axes,
    assessed: fiches.filter((fiche) => fiche.assessment).length,
    achievement: mean(rates),
    realisation,
    criteria,
    indicators: evaluatedIndicators(source.content.fiches, asOf),
    budget,
    budgetTotal: {
      planned: fromCents(budget.reduce((sum, entry) => sum + toCents(entry.planned), 0n)),
      spent: fromCents(budget.reduce((sum, entry) => sum + toCents(entry.spent), 0n)),
    },
    contributions: contributionsByPartner(source.content, source.evaluation),
    meetings: source.evaluation.meetings,
  };
}

export type EvaluationFigures = ReturnType<typeof evaluationFigures>;

/** The day a campaign's figures are judged on: its closing day once closed, else `today`. */
export const evaluationDay = (campaign: { closedAt: Date | null }, today: Date) => campaign.closedAt ?? today;
