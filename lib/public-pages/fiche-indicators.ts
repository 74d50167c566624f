// A published fiche's indicators as its public page charts them: each indicator with measurements,
// its trajectory (baseline, measurements, target) read from the fiche's public content only, with
// the same summary and judgement as the workspace dashboard (lib/dashboards/series.ts).
import { z } from "zod";
import { calendarDay } from "@/lib/db/json-rows";
import { IndicatorDirection } from "@/lib/db/generated/enums";
import { indicatorTrajectory, type DashboardIndicator, type TrajectoryPoint } from "@/lib/dashboards/series";
import type { PublicFicheContent } from "@/lib/publication/content";

export type PublicIndicatorTrajectory = {
  indicator: DashboardIndicator;
  trajectory: { points: TrajectoryPoint[]; target: number | null; summary: string };
};

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** A decimal as the content stores it (a string, "12.50"), or a number. */
const decimal = z
  .union([z.number(), z.string().trim().min(1)])
  .pipe(z.coerce.number())
  .pipe(z.number().finite());

const dayOf = (value: unknown) => {
  const parsed = isoDay.safeParse(value);
  return parsed.success ? calendarDay(parsed.data) : null;
};
const numberOf = (value: unknown) => {
  const parsed = decimal.safeParse(value);
  return parsed.success ? parsed.data : null;
};

/**
 * The trajectories of the fiche's indicators that have a measurement, in the content's order, as
 * of `asOf` (the day a late indicator is judged against).
 */
export function publicIndicatorTrajectories(
  fiche: { number: number; axisId: string; content: Pick<PublicFicheContent, "indicators"> },
  asOf: Date,
): PublicIndicatorTrajectory[] {
  return fiche.content.indicators.flatMap((entry) => {
    const measurements = entry.measurements
      .flatMap((measurement) => {
        const measuredOn = dayOf(measurement.measuredOn);
        const value = numberOf(measurement.value);
        return measuredOn && value !== null ? [{ measuredOn, value }] : [];
      })
      .sort((a, b) => a.measuredOn.getTime() - b.measuredOn.getTime());
    if (!measurements.length) return [];
    const { values } = entry;
    const latest = measurements.at(-1)!;
    const direction = z.enum(IndicatorDirection).safeParse(values.direction);
    const unit = typeof values.unit === "string" && values.unit.trim() ? values.unit : null;
    const indicator: DashboardIndicator = {
      id: entry.id,
      axisId: fiche.axisId,
      ficheNumber: fiche.number,
      name: typeof values.name === "string" ? values.name : "Indicateur",
      unit,
      direction: direction.success ? direction.data : "increase",
      baselineValue: numberOf(values.baseline_value),
      baselineOn: dayOf(values.baseline_on),
      targetValue: numberOf(values.target_value),
      targetOn: dayOf(values.target_on),
      latestValue: latest.value,
      latestOn: latest.measuredOn,
    };
    const { points, target, summary } = indicatorTrajectory(indicator, measurements, asOf);
    return [{ indicator, trajectory: { points, target, summary } }];
  });
}
