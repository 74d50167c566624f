// How the charts write their values on axes and in tooltips: percentages, euros, plain counts.
import { formatEuros, formatNumber } from "@/lib/format";

/** "rating": a mean of ratings from 1 to 4. */
export type ValueUnit = "percent" | "euros" | "count" | "rating";

/** A value as the axis ticks show it: short ("45 %", "12 k€"). */
export function tickText(value: number, unit: ValueUnit): string {
  if (unit === "percent") return `${formatNumber(value)}\u202f%`;
  if (unit === "euros") return value >= 1000 ? `${formatNumber(Math.round(value / 1000))}\u00a0k€` : `${formatNumber(value)}\u00a0€`;
  return formatNumber(value);
}

/** A value as a tooltip or a table shows it: whole. */
export function valueText(value: number, unit: ValueUnit): string {
  return unit === "euros" ? formatEuros(value) : tickText(value, unit);
}

/** A category label cut to fit a narrow axis; the table beside the chart has it whole. */
export function shortLabel(label: string, max = 22): string {
  return label.length > max ? `${label.slice(0, max - 1).trimEnd()}…` : label;
}

/** The category axis's width: room for its longest (cut) label, so short ones (« Axe 1 ») leave the bars the room. */
export function labelWidth(rows: ReadonlyArray<{ label: string }>, max = 18): number {
  return Math.min(124, 16 + 7 * Math.max(0, ...rows.map((row) => shortLabel(row.label, max).length)));
}

/** How every chart's axes look: slate ticks at 12 px on a slate line. */
export const AXIS_STYLE = { tick: { fill: "#334155", fontSize: 12 }, stroke: "#64748b" } as const;

/** The category axis of horizontal bars (one bar per axis, funder, partner), its labels cut to fit. */
export function categoryAxisProps(rows: ReadonlyArray<{ label: string }>, maxLength = 18) {
  return {
    type: "category" as const,
    dataKey: "label",
    width: labelWidth(rows, maxLength),
    tickFormatter: (label: string) => shortLabel(label, maxLength),
    ...AXIS_STYLE,
  };
}
