// A stacked chart's data table: a row per category, a column per series, and the total.
import { Table } from "@/components/ui/table";
import { formatNumber } from "@/lib/format";
import type { SeriesKey, StackedRow } from "@/lib/dashboards/series";

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
        <tr key={row.label} className="border-b border-slate-100 last:border-0">
          <th scope="row" className="px-3 py-2 font-medium">
            {row.label}
          </th>
          {keys.map(({ key }) => (
            <td key={key} className="px-3 py-2 text-right tabular-nums">
              {formatNumber(row.values[key] ?? 0)}
            </td>
          ))}
          <td className="px-3 py-2 text-right font-semibold tabular-nums">
            {formatNumber(Object.values(row.values).reduce((sum, value) => sum + value, 0))}
          </td>
        </tr>
      ))}
    </Table>
  );
}
