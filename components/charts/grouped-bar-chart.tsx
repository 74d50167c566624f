"use client";

// Horizontal grouped bars: one group per category (a funder, an axis), one bar per series
// (planned and spent, mid-term and final), with a legend.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "./chart-frame";
import { AXIS_STYLE, categoryAxisProps, tickText, valueText, type ValueUnit } from "./format";
import type { StackedSeries } from "./stacked-bar-chart";

export function GroupedBarChart({
  rows,
  series,
  unit,
}: {
  rows: ReadonlyArray<{ label: string; values: Record<string, number | null> }>;
  series: readonly StackedSeries[];
  unit: ValueUnit;
}) {
  const data = rows.map((row) => ({ label: row.label, ...row.values }));
  const height = rows.length * (16 * series.length + 24) + 90;
  return (
    <ChartFrame height={height}>
      {() => (
        <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 320, height }}>
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }} accessibilityLayer={false}>
            <CartesianGrid horizontal={false} stroke="#e2e8f0" />
            <XAxis
              type="number"
              domain={unit === "percent" ? [0, 100] : [0, "auto"]}
              tickFormatter={(value: number) => tickText(value, unit)}
              {...AXIS_STYLE}
            />
            <YAxis {...categoryAxisProps(rows)} />
            <Tooltip formatter={(value, name) => [valueText(Number(value), unit), name]} cursor={{ fill: "#eef6f7" }} />
            <Legend wrapperStyle={{ fontSize: 13, color: "#334155" }} />
            {series.map(({ key, label, color }) => (
              <Bar key={key} dataKey={key} name={label} fill={color} isAnimationActive={false} barSize={14} />
            ))}
          </BarChart>
        </ResponsiveContainer>
      )}
    </ChartFrame>
  );
}
