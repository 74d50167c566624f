// The portfolio's table as text, written on the server: the table component renders it in the
// browser's bundle (components/portfolio/portfolio-table.tsx), so the page sends 24 rows of
// strings instead of the tree of their cells, and the labels (the administrative reference
// among them) stay on the server.
import type { ComplianceFlag } from "@/lib/compliance/checks";
import type { ContractStatus } from "@/lib/db/generated/enums";
import { formatCount, formatDate } from "@/lib/format";
import { listHref } from "@/lib/params/list-params";
import {
  departmentsLabel,
  fichesByStatusLabel,
  fichesCountLabel,
  ficheTotal,
  lastCampaignLabel,
  monthsLeftLabel,
  PORTFOLIO_SORT_LABELS,
} from "./labels";
import type { PortfolioRow } from "./queries";
import { PORTFOLIO_SORTS, type PortfolioSort } from "./schema";

export type PortfolioTableRow = {
  id: string;
  href: string;
  territory: string;
  title: string;
  departments: string;
  status: ContractStatus;
  signedOn: string;
  endsOn: string;
  monthsLeft: string;
  progress: string;
  /** « 30 fiches » and their statuses, or null without any. */
  fiches: { count: string; byStatus: string } | null;
  lastCampaign: string;
  /** The open review items and where to read them, or null without any. */
  review: { label: string; href: string } | null;
  flags: Array<Pick<ComplianceFlag, "id" | "label" | "reason">>;
};

export function portfolioTableRows(rows: readonly PortfolioRow[]): PortfolioTableRow[] {
  return rows.map((row) => {
    const href = `/espace/${row.territory.slug}/contrats/${row.id}`;
    return {
      id: row.id,
      href,
      territory: row.territory.name,
      title: row.title,
      departments: row.territory.departmentCodes.length ? departmentsLabel(row.territory.departmentCodes) : "—",
      status: row.status,
      signedOn: row.signedOn ? formatDate(row.signedOn) : "—",
      endsOn: row.endsOn ? formatDate(row.endsOn) : "—",
      monthsLeft: monthsLeftLabel(row.monthsLeft),
      progress: row.progress === null ? "—" : `${row.progress}\u202f%`,
      fiches: ficheTotal(row.fichesByStatus)
        ? { count: fichesCountLabel(row.fichesByStatus), byStatus: fichesByStatusLabel(row.fichesByStatus) }
        : null,
      lastCampaign: lastCampaignLabel(row.lastCampaign),
      review: row.openReviewItems
        ? { label: formatCount(row.openReviewItems, "point ouvert", "points ouverts"), href: `${href}/lecture` }
        : null,
      flags: row.flags.map(({ id, label, reason }) => ({ id, label, reason })),
    };
  });
}

/** A sortable column's header: where it leads (the other order when it is the current one). */
export type PortfolioSortLink = { key: PortfolioSort; label: string; href: string; current: "asc" | "desc" | null };

export function portfolioSortLinks(
  path: string,
  filters: Record<string, string | undefined>,
  sort: PortfolioSort,
  order: "asc" | "desc",
): Record<PortfolioSort, PortfolioSortLink> {
  return Object.fromEntries(
    PORTFOLIO_SORTS.map((key) => {
      const current = key === sort ? order : null;
      const href = listHref(path, { ...filters, tri: key, ordre: current === "asc" ? "desc" : "asc" }, 1, "contrats");
      return [key, { key, label: PORTFOLIO_SORT_LABELS[key], href, current }];
    }),
  ) as Record<PortfolioSort, PortfolioSortLink>;
}
