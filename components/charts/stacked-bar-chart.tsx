"use client";

// Horizontal stacked bars: one bar per category (an axis, a partner), one segment per series
// (statuses), with a legend; segments are parted by a white line so that neighbours stay distinct.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "./chart-frame";
import { AXIS_STYLE, categoryAxisProps, tickText } from "./format";

export type StackedSeries = { key: string; label: string; color: string };

export function StackedBarChart({
  rows,
  series,
}: {
  rows: ReadonlyArray<{ label: string; values: Record<string, number> }>;
  series: readonly StackedSeries[];
}) {
  const data = rows.map((row) => ({ label: row.label, ...row.values }));
  // Only the series some row has: the legend names nothing that is not drawn.
  const drawn = series.filter(({ key }) => rows.some((row) => (row.values[key] ?? 0) > 0));
  const height = rows.length * 40 + 90;
  return (
    <ChartFrame height={height}>
      {() => (
        <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 320, height }}>
          <BarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }} accessibilityLayer={false}>
            <CartesianGrid horizontal={false} stroke="#e2e8f0" />
            <XAxis type="number" allowDecimals={false} tickFormatter={(value: number) => tickText(value, "count")} {...AXIS_STYLE} />
            <YAxis {...categoryAxisProps(rows)} />
            <Tooltip cursor={{ fill: "#eef6f7" }} />
            <Legend wrapperStyle={{ fontSize: 13, color: "#334155" }} />
            {drawn.map(({ key, label, color }) => (
              <Bar
                key={key}
                dataKey={key}
                name={label}
                stackId="total"
                fill={color}
                stroke="#ffffff"
                isAnimationActive={false}
                barSize={22}
              />
            ))}
          </BarChart>
        </ResponsiveContainer>
      )}
    </ChartFrame>
  );
}
