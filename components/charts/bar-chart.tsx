"use client";

// Horizontal bars, one per category (axes, funders): long French labels stay readable at 375 px.
import { Bar, BarChart as RechartsBarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ChartFrame } from "./chart-frame";
import { AXIS_STYLE, categoryAxisProps, tickText, valueText, type ValueUnit } from "./format";

export function BarChart({
  rows,
  unit,
  color = "#145866",
  name,
  labelLength,
}: {
  rows: ReadonlyArray<{ label: string; value: number | null }>;
  unit: ValueUnit;
  color?: string;
  /** What a bar measures, for its tooltip: « Avancement », « Budget prévu ». */
  name: string;
  /** The characters a category label keeps before it is cut (18): short labels wrap whole on two lines. */
  labelLength?: number;
}) {
  const data = rows.map((row) => ({ label: row.label, value: row.value ?? 0 }));
  const height = rows.length * 40 + 50;
  return (
    <ChartFrame height={height}>
      {() => (
        <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 320, height }}>
          <RechartsBarChart data={data} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 4 }} accessibilityLayer={false}>
            <CartesianGrid horizontal={false} stroke="#e2e8f0" />
            <XAxis
              type="number"
              domain={unit === "percent" ? [0, 100] : unit === "rating" ? [0, 4] : [0, "auto"]}
              allowDecimals={unit === "percent" || unit === "euros"}
              tickFormatter={(value: number) => tickText(value, unit)}
              {...AXIS_STYLE}
            />
            <YAxis {...categoryAxisProps(rows, labelLength)} />
            <Tooltip formatter={(value) => [valueText(Number(value), unit), name]} cursor={{ fill: "#eef6f7" }} />
            <Bar dataKey="value" name={name} fill={color} isAnimationActive={false} barSize={22} />
          </RechartsBarChart>
        </ResponsiveContainer>
      )}
    </ChartFrame>
  );
}
