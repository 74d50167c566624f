// Each finding of a diagnosis with the fiches that answer it; a finding no fiche answers is set
// apart in words (« Sans action »), its frame and background only repeating it. One list item per
// finding, the fiches inline: the public page's list of findings keeps one item each.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";

export type CoverageRow = {
  id: string;
  text: string;
  covered: boolean;
  fiches: ReadonlyArray<{ key: string; label: string; href: string }>;
};

export function FindingCoverageList({
  findings,
  label,
  uncoveredText,
}: {
  findings: readonly CoverageRow[];
  /** The list's accessible name. */
  label: string;
  /** What an uncovered finding says after its badge: which fiches count is the page's to say. */
  uncoveredText: string;
}) {
  return (
    <ol className="max-w-4xl space-y-3" aria-label={label}>
      {findings.map((finding) => (
        <li
          key={finding.id}
          className={`rounded-md border p-3 sm:p-4 ${finding.covered ? "border-slate-200" : "border-l-4 border-amber-600 bg-amber-50"}`}
        >
          <p className="text-slate-900">{finding.text}</p>
          {finding.covered ? (
            <p className="mt-1.5 text-sm text-slate-700">
              {finding.fiches.length > 1 ? "Fiches actions qui y répondent" : "Fiche action qui y répond"}&nbsp;:{" "}
              {finding.fiches.map((fiche, index) => (
                <span key={fiche.key}>
                  {index ? " · " : null}
                  <Link href={fiche.href}>{fiche.label}</Link>
                </span>
              ))}
            </p>
          ) : (
            <p className="mt-1.5 flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
              <Badge tone="warning">Sans action</Badge>
              {uncoveredText}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
