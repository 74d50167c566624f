// A contract's compliance flags (lib/compliance/checks.ts): each with why, and the link that fixes it.
import Link from "next/link";
import type { ComplianceFlag } from "@/lib/compliance/checks";

export function FlagList({ flags, links = true }: { flags: readonly ComplianceFlag[]; links?: boolean }) {
  if (!flags.length) return <p className="text-slate-700">Aucun point d’attention&#8239;: le contrat passe tous les contrôles.</p>;
  return (
    <ul className="space-y-3">
      {flags.map((flag) => (
        <li key={flag.id} className="rounded-md border border-amber-300 bg-amber-50 p-3">
          <p className="font-semibold text-slate-900">{flag.label}</p>
          <p className="text-slate-800">{flag.reason}</p>
          {links ? (
            <p className="mt-1">
              <Link href={flag.fix.href}>{flag.fix.label}</Link>
            </p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** Flags as badges in a table cell: the label shown, the reason read by screen readers and in the tooltip-free detail below. */
export function FlagBadges({ flags }: { flags: ReadonlyArray<Pick<ComplianceFlag, "id" | "label" | "reason">> }) {
  if (!flags.length) return <span className="text-slate-600">Aucun</span>;
  return (
    <ul className="flex flex-col gap-1">
      {flags.map((flag) => (
        <li key={flag.id}>
          <details>
            <summary className="cursor-pointer">
              <span className="badge badge-warning">{flag.label}</span>
            </summary>
            <p className="mt-1 max-w-xs text-slate-800">{flag.reason}</p>
          </details>
        </li>
      ))}
    </ul>
  );
}
