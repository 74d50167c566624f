import Link from "next/link";
import { formatNumber } from "@/lib/format";

/** Previous and next links of a paged list, keeping the list's other parameters. */
export function Pagination({
  page,
  pageCount,
  href,
  label = "Pagination",
}: {
  page: number;
  pageCount: number;
  /** The URL of a page of the list. */
  href: (page: number) => string;
  label?: string;
}) {
  if (pageCount <= 1) return null;
  const linkClass = "rounded-md border border-slate-300 bg-white px-3 py-1.5 font-medium hover:bg-slate-50";
  return (
    <nav aria-label={label} className="mt-8 flex flex-wrap items-center justify-between gap-3 text-sm">
      {page > 1 ? (
        <Link href={href(page - 1)} className={linkClass} rel="prev">
          ← Page précédente
        </Link>
      ) : (
        <span />
      )}
      <p className="text-slate-700">
        Page {formatNumber(Math.min(page, pageCount))} sur {formatNumber(pageCount)}
      </p>
      {page < pageCount ? (
        <Link href={href(page + 1)} className={linkClass} rel="next">
          Page suivante →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
