import type { ReactNode } from "react";
import { Table } from "./table";

export type FieldChange = { label: string; before: string; after: string };

/** Each field of a record before and after a change (history, an import's updates): fixed columns, long values wrap. */
export function FieldChangesTable({
  changes,
  caption,
  afterLabel = "Après",
}: {
  changes: FieldChange[];
  caption?: ReactNode;
  afterLabel?: string;
}) {
  return (
    <Table
      caption={caption}
      showCaption
      className="table-fixed"
      columns={[
        { label: "Champ", className: "w-1/5" },
        { label: "Avant", className: "w-2/5" },
        { label: afterLabel, className: "w-2/5" },
      ]}
    >
      {changes.map((change) => (
        <tr key={change.label} className="border-b border-slate-100 align-top last:border-0">
          <th scope="row" className="break-words px-3 py-2 font-medium text-slate-800">
            {change.label}
          </th>
          <td className="whitespace-pre-line break-words px-3 py-2 text-slate-600">{change.before}</td>
          <td className="whitespace-pre-line break-words px-3 py-2 text-slate-900">{change.after}</td>
        </tr>
      ))}
    </Table>
  );
}
