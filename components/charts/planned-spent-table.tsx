// The table of a budget planned against spent by funder: exact euros, and the share spent.
import { Table } from "@/components/ui/table";
import type { PlannedSpentRow } from "@/lib/dashboards/evaluation-series";
import { formatNumber } from "@/lib/format";

const numeric = "num whitespace-nowrap";

export function PlannedSpentTable({ rows }: { rows: readonly PlannedSpentRow[] }) {
  return (
    <Table
      caption="Budget prévu et dépensé par financeur"
      columns={[
        { label: "Financeur" },
        { label: "Prévu", className: "text-right" },
        { label: "Dépensé", className: "text-right" },
        { label: "Part dépensée", className: "text-right" },
      ]}
    >
      {rows.map((entry) => (
        <tr key={entry.label}>
          <th scope="row">{entry.label}</th>
          <td className={numeric}>{entry.plannedText}</td>
          <td className={numeric}>{entry.spentText}</td>
          <td className={numeric}>{entry.planned ? `${formatNumber(Math.round((entry.spent / entry.planned) * 100))}\u202f%` : "—"}</td>
        </tr>
      ))}
    </Table>
  );
}
