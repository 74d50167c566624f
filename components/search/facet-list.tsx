import Link from "next/link";
import { formatNumber } from "@/lib/format";

export type FacetValue = { value: string; label: string; count: number };

/**
 * One facet of a search: its values as links with their counts, the chosen one marked and
 * offering to remove it. Links rather than a form: each choice is a URL to share or go back to.
 */
export function FacetList({
  title,
  values,
  selected,
  href,
}: {
  title: string;
  values: readonly FacetValue[];
  selected: string | undefined;
  /** The search's URL with this facet set to `value` (undefined: removed). */
  href: (value: string | undefined) => string;
}) {
  if (!values.length && !selected) return null;
  const headingId = `facette-${title.replace(/[^a-z]+/gi, "-").toLowerCase()}`;
  return (
    <nav aria-labelledby={headingId} className="border-t border-slate-200 pt-4">
      <h3 id={headingId} className="text-sm font-semibold text-slate-900">
        {title}
      </h3>
      <ul className="mt-2 space-y-1 text-sm">
        {values.map((facet) => (
          <li key={facet.value}>
            {facet.value === selected ? (
              <span className="flex items-baseline justify-between gap-3">
                <Link href={href(undefined)} aria-current="true" className="font-semibold">
                  {facet.label}
                  <span className="sr-only"> (filtre choisi, le retirer)</span>
                </Link>
                <span className="tabular-nums text-slate-600">{formatNumber(facet.count)}</span>
              </span>
            ) : (
              <span className="flex items-baseline justify-between gap-3">
                <Link href={href(facet.value)}>{facet.label}</Link>
                <span className="tabular-nums text-slate-600">{formatNumber(facet.count)}</span>
              </span>
            )}
          </li>
        ))}
      </ul>
      {selected ? (
        <p className="mt-2 text-sm">
          <Link href={href(undefined)}>Retirer ce filtre</Link>
        </p>
      ) : null}
    </nav>
  );
}
