// The portfolio's table: one row per contract, its columns sortable on the server (links that
// keep the filters), its compliance flags as badges whose reason opens below them. Plain links:
// next/link's client component, 35 times on a page, cost as much to render as the rows.
import { FlagBadges } from "@/components/compliance/flag-list";
import { ContractStatusBadge } from "@/components/contracts/contract-status-badge";
import { Table } from "@/components/ui/table";
import { formatCount, formatDate } from "@/lib/format";
import {
  departmentsLabel,
  fichesByStatusLabel,
  fichesCountLabel,
  ficheTotal,
  lastCampaignLabel,
  monthsLeftLabel,
  PORTFOLIO_SORT_LABELS,
} from "@/lib/portfolio/labels";
import type { PortfolioRow } from "@/lib/portfolio/queries";
import type { PortfolioSort } from "@/lib/portfolio/schema";

export function PortfolioTable({
  rows,
  sort,
  order,
  sortHref,
  caption,
}: {
  rows: readonly PortfolioRow[];
  sort: PortfolioSort;
  order: "asc" | "desc";
  /** The URL that sorts by `key` in `order`, keeping the filters (back to page 1). */
  sortHref: (key: PortfolioSort, order: "asc" | "desc") => string;
  caption: string;
}) {
  const sortable = (key: PortfolioSort) => {
    const current = key === sort;
    const next = current && order === "asc" ? "desc" : "asc";
    return (
      <a href={sortHref(key, next)} className="whitespace-nowrap">
        {PORTFOLIO_SORT_LABELS[key]}
        {current ? (
          <>
            <span aria-hidden="true">{order === "asc" ? " ↑" : " ↓"}</span>
            <span className="sr-only">{order === "asc" ? " (tri croissant)" : " (tri décroissant)"}</span>
          </>
        ) : null}
      </a>
    );
  };
  return (
    <div className="overflow-x-auto" tabIndex={0} role="group" aria-label={caption}>
      <Table
        caption={caption}
        columns={[
          { label: sortable("territoire") },
          { label: sortable("departement") },
          { label: sortable("statut") },
          { label: sortable("signature") },
          { label: sortable("fin") },
          { label: "Mois restants" },
          { label: "Avancement", className: "text-right" },
          { label: "Fiches actions" },
          { label: "Dernière évaluation" },
          { label: "Revue", className: "text-right" },
          { label: sortable("signaux") },
        ]}
      >
        {rows.map((row) => (
          <tr key={row.id} className="align-top">
            <th scope="row" className="font-normal">
              <a href={`/espace/${row.territory.slug}/contrats/${row.id}`} className="font-semibold">
                {row.territory.name}
              </a>
              <span className="block text-slate-600">{row.title}</span>
            </th>
            <td>{row.territory.departmentCodes.length ? departmentsLabel(row.territory.departmentCodes) : "—"}</td>
            <td>
              <ContractStatusBadge status={row.status} />
            </td>
            <td className="whitespace-nowrap">{row.signedOn ? formatDate(row.signedOn) : "—"}</td>
            <td className="whitespace-nowrap">{row.endsOn ? formatDate(row.endsOn) : "—"}</td>
            <td>{monthsLeftLabel(row.monthsLeft)}</td>
            <td className="num">{row.progress === null ? "—" : `${row.progress}\u202f%`}</td>
            <td>
              {ficheTotal(row.fichesByStatus) ? (
                <>
                  {fichesCountLabel(row.fichesByStatus)}
                  <span className="block text-slate-600">{fichesByStatusLabel(row.fichesByStatus)}</span>
                </>
              ) : (
                "Aucune"
              )}
            </td>
            <td>{lastCampaignLabel(row.lastCampaign)}</td>
            <td className="num">
              {row.openReviewItems ? (
                <a href={`/espace/${row.territory.slug}/contrats/${row.id}/lecture`}>
                  {formatCount(row.openReviewItems, "point ouvert", "points ouverts")}
                </a>
              ) : (
                "—"
              )}
            </td>
            <td>
              <FlagBadges flags={row.flags} />
            </td>
          </tr>
        ))}
      </Table>
    </div>
  );
}
