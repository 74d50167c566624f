"use client";

// A stacked chart's data table (components/charts/stacked-bar-chart.tsx): a row per category, a
// column per series that some row has, and the total. A client component fed numbers: a page
// sends its rows, not the tree of their cells (a table of 30 partners is 200 cells).
import { Table } from "@/components/ui/table";
import type { SeriesKey, StackedRow } from "@/lib/dashboards/series";
import { formatNumber } from "@/lib/format";

export function StackedTable({
  caption,
  category,
  rows,
  keys: all,
}: {
  caption: string;
  category: string;
  rows: StackedRow[];
  keys: SeriesKey[];
}) {
  // The columns no row has a count in say nothing the summary does not: a narrow table keeps its room.
  const keys = all.filter(({ key }) => rows.some((row) => (row.values[key] ?? 0) > 0));
  return (
    <Table
      caption={caption}
      columns={[
        { label: category },
        ...keys.map(({ label }) => ({ label, className: "text-right" })),
        { label: "Total", className: "text-right" },
      ]}
    >
      {rows.map((row) => (
        <tr key={row.label}>
          <th scope="row" className="whitespace-nowrap">
            {row.label}
          </th>
          {keys.map(({ key }) => (
            <td key={key} className="num">
              {formatNumber(row.values[key] ?? 0)}
            </td>
          ))}
          <td className="num font-semibold">{formatNumber(Object.values(row.values).reduce((sum, value) => sum + value, 0))}</td>
        </tr>
      ))}
    </Table>
  );
}
