// A record's history as its pages show it: each change (what, about which record when the
// history mixes several, when, by whom) with its fields before and after, newest first.
import { FieldChangesTable } from "@/components/ui/field-changes-table";
import type { ConflictDetails } from "@/lib/actions/result";
import { auditActionLabel } from "@/lib/audit/labels";

export function ChangeList({
  changes,
  label,
  empty,
  boxed = false,
}: {
  changes: ConflictDetails["changes"];
  /** The list's accessible name. */
  label: string;
  /** The sentence shown when nothing was recorded. */
  empty: string;
  /** A box of its own, on a page with no section around it. */
  boxed?: boolean;
}) {
  if (!changes.length) return <p className="text-slate-700">{empty}</p>;
  return (
    <ol aria-label={label} className={`divide-y divide-slate-200 ${boxed ? "rounded-lg border border-slate-200 bg-white" : ""}`}>
      {changes.map((change, index) => (
        <li key={index} className={boxed ? "p-4 sm:p-5" : "py-4 first:pt-0 last:pb-0"}>
          <p className="text-slate-900">
            <span className="font-semibold">{auditActionLabel(change.action)}</span>
            {change.subject ? ` (${change.subject})` : ""} le {change.at} par {change.by}
          </p>
          {change.fields.length ? (
            <div className="mt-3">
              <FieldChangesTable changes={change.fields} />
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
