// Where an indicator stands: its latest measurement against the straight path from its
// baseline to its target (DOMAIN.md). Within 10 % of the whole way behind the path is "at risk".
// When it cannot be judged yet, the judgement says why, so no page shows « Pas encore
// mesurable » without its reason.

export type IndicatorStanding = "reached" | "on_track" | "at_risk" | "late" | "unknown";
/** Why an indicator cannot be judged yet: no measurement; no dated target; no baseline while its target date is ahead. */
export type UnjudgedReason = "no_measurement" | "no_target" | "no_baseline";
export type IndicatorJudgement = { standing: IndicatorStanding; reason: UnjudgedReason | null };

type Point = { value: number; on: Date };

const unknown = (reason: UnjudgedReason): IndicatorJudgement => ({ standing: "unknown", reason });
const judged = (standing: Exclude<IndicatorStanding, "unknown">): IndicatorJudgement => ({ standing, reason: null });

/**
 * The judgement of an indicator on `asOf` (today, or a campaign's date). A target not reached
 * once its date has passed is late, with or without a baseline; before that, an indicator
 * without a baseline has no path to compare with, and waits for its target date.
 */
export function judgeIndicator(
  indicator: { direction: "increase" | "decrease"; baseline: Point | null; target: Point | null },
  latest: Point | null,
  asOf: Date,
): IndicatorJudgement {
  const { baseline, target } = indicator;
  if (!latest) return unknown("no_measurement");
  if (!target) return unknown("no_target");
  const better = (a: number, b: number) => (indicator.direction === "increase" ? a >= b : a <= b);
  if (better(latest.value, target.value)) return judged("reached");
  if (target.on.getTime() <= asOf.getTime()) return judged("late");
  if (!baseline) return unknown("no_baseline");
  const span = target.on.getTime() - baseline.on.getTime();
  const elapsed = span > 0 ? Math.min(1, Math.max(0, (latest.on.getTime() - baseline.on.getTime()) / span)) : 1;
  const expected = baseline.value + (target.value - baseline.value) * elapsed;
  if (better(latest.value, expected)) return judged("on_track");
  const tolerance = Math.abs(target.value - baseline.value) * 0.1;
  return judged(Math.abs(latest.value - expected) <= tolerance ? "at_risk" : "late");
}

type Numeric = number | { toString(): string };
const numberOf = (value: Numeric | null) => (value === null ? null : Number(value.toString()));

/** An indicator's baseline and target as points (a value without its date is no point). */
export function trajectoryPoints(indicator: {
  baselineValue: Numeric | null;
  baselineOn: Date | null;
  targetValue: Numeric | null;
  targetOn: Date | null;
}): { baseline: Point | null; target: Point | null } {
  const [baseline, target] = [numberOf(indicator.baselineValue), numberOf(indicator.targetValue)];
  return {
    baseline: baseline !== null && indicator.baselineOn ? { value: baseline, on: indicator.baselineOn } : null,
    target: target !== null && indicator.targetOn ? { value: target, on: indicator.targetOn } : null,
  };
}

/** The judgement of an indicator as read from the database, measurements newest first. */
export function judgementOf(
  indicator: {
    direction: "increase" | "decrease";
    baselineValue: Numeric | null;
    baselineOn: Date | null;
    targetValue: Numeric | null;
    targetOn: Date | null;
    measurements: ReadonlyArray<{ value: Numeric; measuredOn: Date }>;
  },
  asOf: Date,
): IndicatorJudgement {
  const latest = indicator.measurements[0];
  return judgeIndicator(
    { direction: indicator.direction, ...trajectoryPoints(indicator) },
    latest ? { value: Number(latest.value.toString()), on: latest.measuredOn } : null,
    asOf,
  );
}
