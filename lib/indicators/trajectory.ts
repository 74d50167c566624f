// Where an indicator stands: its latest measurement against the straight path from its
// baseline to its target (DOMAIN.md). Within 10 % of the whole way behind the path is "at risk".

export type IndicatorStanding = "reached" | "on_track" | "at_risk" | "late" | "unknown";

type Point = { value: number; on: Date };

export function indicatorStanding(
  indicator: { direction: "increase" | "decrease"; baseline: Point | null; target: Point | null },
  latest: Point | null,
): IndicatorStanding {
  const { baseline, target } = indicator;
  if (!latest || !target) return "unknown";
  const better = (a: number, b: number) => (indicator.direction === "increase" ? a >= b : a <= b);
  if (better(latest.value, target.value)) return "reached";
  if (!baseline) return "unknown";
  const span = target.on.getTime() - baseline.on.getTime();
  const elapsed = span > 0 ? Math.min(1, Math.max(0, (latest.on.getTime() - baseline.on.getTime()) / span)) : 1;
  const expected = baseline.value + (target.value - baseline.value) * elapsed;
  if (better(latest.value, expected)) return "on_track";
  const tolerance = Math.abs(target.value - baseline.value) * 0.1;
  return Math.abs(latest.value - expected) <= tolerance ? "at_risk" : "late";
}

type Numeric = number | { toString(): string };
const numberOf = (value: Numeric | null) => (value === null ? null : Number(value.toString()));

/** The standing of an indicator as read from the database, measurements newest first. */
export function standingOf(indicator: {
  direction: "increase" | "decrease";
  baselineValue: Numeric | null;
  baselineOn: Date | null;
  targetValue: Numeric | null;
  targetOn: Date | null;
  measurements: ReadonlyArray<{ value: Numeric; measuredOn: Date }>;
}): IndicatorStanding {
  const [baseline, target] = [numberOf(indicator.baselineValue), numberOf(indicator.targetValue)];
  const latest = indicator.measurements[0];
  return indicatorStanding(
    {
      direction: indicator.direction,
      baseline: baseline !== null && indicator.baselineOn ? { value: baseline, on: indicator.baselineOn } : null,
      target: target !== null && indicator.targetOn ? { value: target, on: indicator.targetOn } : null,
    },
    latest ? { value: Number(latest.value.toString()), on: latest.measuredOn } : null,
  );
}
