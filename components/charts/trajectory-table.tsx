"use client";

// An indicator's trajectory as a table: the chart's points (components/charts/trajectory-chart.tsx),
// a row per date with the measurement and the path to the target. A client component fed the
// points: five years of monthly measurements are 60 rows the page sends as numbers, not cells.
import { Table } from "@/components/ui/table";
import type { TrajectoryPoint } from "@/lib/dashboards/series";
import { valueWithUnit } from "./indicator-table";

export function TrajectoryTable({ caption, points, unit }: { caption: string; points: readonly TrajectoryPoint[]; unit: string | null }) {
  return (
    <Table
      caption={caption}
      columns={[{ label: "Date" }, { label: "Mesure", className: "text-right" }, { label: "Trajectoire", className: "text-right" }]}
    >
      {points.map((point) => (
        <tr key={point.at}>
          <th scope="row">{point.date}</th>
          <td className="num">{valueWithUnit(point.measured, unit)}</td>
          <td className="num">{valueWithUnit(point.path, unit)}</td>
        </tr>
      ))}
    </Table>
  );
}
