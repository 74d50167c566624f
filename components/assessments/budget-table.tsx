// A fiche's budget lines, planned against spent, with the totals: the read-only view shows the
// amounts, the form an input per line (its label read by screen readers, the cell's column and
// row headers naming it for the eye). No hook: the same table on both sides.
import type { ReactNode } from "react";
import { Table } from "@/components/ui/table";
import { formatEurosExact } from "@/lib/format";

export type BudgetTableLine = { id: string; label: string; planned: string };

export function BudgetTable({
  lines,
  planned,
  spent,
  spentCell,
}: {
  lines: readonly BudgetTableLine[];
  /** The planned total, exact. */
  planned: string;
  /** The spent total as shown (exact, or live while the user types). */
  spent: ReactNode;
  spentCell: (line: BudgetTableLine, index: number) => ReactNode;
}) {
  if (!lines.length) return <p className="text-slate-700">La fiche n’a pas de budget prévu.</p>;
  // On a phone the three columns may be wider than the form: the table scrolls, not the page.
  return (
    <div className="relative overflow-x-auto">
      <Table
        caption="Budget prévu et dépensé, par financeur"
        columns={[{ label: "Financeur" }, { label: "Prévu", className: "text-right" }, { label: "Dépensé", className: "w-48 text-right" }]}
        bodyClassName="divide-y divide-slate-200"
      >
        {lines.map((line, index) => (
          <tr key={line.id} className="align-top">
            <th scope="row" className="font-normal text-slate-900">
              {line.label}
            </th>
            <td className="text-right whitespace-nowrap">{formatEurosExact(line.planned)}</td>
            <td className="text-right">{spentCell(line, index)}</td>
          </tr>
        ))}
        <tr className="border-t-2 border-slate-300 font-semibold text-slate-900">
          <th scope="row" className="text-left">
            Total
          </th>
          <td className="text-right whitespace-nowrap">{formatEurosExact(planned)}</td>
          <td className="text-right whitespace-nowrap">{spent}</td>
        </tr>
      </Table>
    </div>
  );
}
