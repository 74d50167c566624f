"use client";

// An indicator's trajectory: its measurements as a line, the straight path from its baseline
// to its target dashed, and its target as a horizontal line; time runs along the horizontal axis.
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber } from "@/lib/format";
import { ChartFrame } from "./chart-frame";
import { AXIS_STYLE } from "./format";

const monthYear = new Intl.DateTimeFormat("fr-FR", { month: "short", year: "numeric", timeZone: "UTC" });

export function TrajectoryChart({
  points,
  target,
  unit,
}: {
  points: ReadonlyArray<{ at: number; date: string; measured: number | null; path: number | null }>;
  target: number | null;
  unit: string | null;
}) {
  const value = (number: number) => `${formatNumber(number)}${unit ? `\u00a0${unit}` : ""}`;
  return (
    <ChartFrame height={280}>
      {() => (
        <ResponsiveContainer width="100%" height={280} initialDimension={{ width: 320, height: 280 }}>
          <LineChart data={[...points]} margin={{ top: 12, right: 20, bottom: 4, left: 4 }} accessibilityLayer={false}>
            <CartesianGrid stroke="#e2e8f0" />
            <XAxis
              type="number"
              dataKey="at"
              scale="time"
              domain={["dataMin", "dataMax"]}
              tickFormatter={(at: number) => monthYear.format(new Date(at))}
              {...AXIS_STYLE}
              minTickGap={24}
            />
            <YAxis tickFormatter={(number: number) => formatNumber(number)} {...AXIS_STYLE} width={48} />
            <Tooltip
              labelFormatter={(at) => monthYear.format(new Date(Number(at)))}
              formatter={(number, name) => [value(Number(number)), name]}
            />
            <Legend wrapperStyle={{ fontSize: 13, color: "#334155" }} />
            {target !== null ? <ReferenceLine y={target} stroke="#b45309" strokeDasharray="2 3" ifOverflow="extendDomain" /> : null}
            <Line
              dataKey="path"
              name="Trajectoire (départ → cible)"
              stroke="#b45309"
              strokeDasharray="6 4"
              strokeWidth={2}
              connectNulls
              dot={{ r: 4, fill: "#b45309" }}
              isAnimationActive={false}
            />
            <Line
              dataKey="measured"
              name="Mesures"
              stroke="#145866"
              strokeWidth={2}
              connectNulls
              dot={{ r: 3, fill: "#145866" }}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      )}
    </ChartFrame>
  );
}
