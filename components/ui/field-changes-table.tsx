import type { ReactNode } from "react";

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
    <table className="w-full table-fixed border-collapse text-left text-sm">
      {caption ? <caption className="px-3 py-2 text-left font-semibold text-slate-900">{caption}</caption> : null}
      <thead>
        <tr className="border-b border-slate-200 text-slate-600">
          <th scope="col" className="w-1/5 px-3 py-2 font-medium">
            Champ
          </th>
          <th scope="col" className="w-2/5 px-3 py-2 font-medium">
            Avant
          </th>
          <th scope="col" className="w-2/5 px-3 py-2 font-medium">
            {afterLabel}
          </th>
        </tr>
      </thead>
      <tbody>
        {changes.map((change) => (
          <tr key={change.label} className="border-b border-slate-100 align-top last:border-0">
            <th scope="row" className="break-words px-3 py-2 font-medium text-slate-800">
              {change.label}
            </th>
            <td className="whitespace-pre-line break-words px-3 py-2 text-slate-600">{change.before}</td>
            <td className="whitespace-pre-line break-words px-3 py-2 text-slate-900">{change.after}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
