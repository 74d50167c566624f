"use client";

// The portfolio's table: one row per contract, its columns sortable on the server (links that
// keep the filters), its compliance flags as badges whose reason opens below them. A client
// component fed text (lib/portfolio/table.ts): the page sends its rows' strings, not the tree of
// their 500 cells, which cost the server as much to serialise as to render. Plain links: this is
// a list one leaves for a contract page.
import { FlagBadges } from "@/components/compliance/flag-list";
import { ContractStatusBadge } from "@/components/contracts/contract-status-badge";
import { Table } from "@/components/ui/table";
import type { PortfolioSortLink, PortfolioTableRow } from "@/lib/portfolio/table";

function SortLink({ link }: { link: PortfolioSortLink }) {
  return (
    <a href={link.href} className="whitespace-nowrap">
      {link.label}
      {link.current ? (
        <>
          <span aria-hidden="true">{link.current === "asc" ? " ↑" : " ↓"}</span>
          <span className="sr-only">{link.current === "asc" ? " (tri croissant)" : " (tri décroissant)"}</span>
        </>
      ) : null}
    </a>
  );
}

export function PortfolioTable({
  rows,
  sortLinks,
  caption,
}: {
  rows: readonly PortfolioTableRow[];
  sortLinks: Record<PortfolioSortLink["key"], PortfolioSortLink>;
  caption: string;
}) {
  return (
    <div className="relative overflow-x-auto" tabIndex={0} role="group" aria-label={caption}>
      <Table
        caption={caption}
        columns={[
          { label: <SortLink link={sortLinks.territoire} /> },
          { label: <SortLink link={sortLinks.departement} /> },
          { label: <SortLink link={sortLinks.statut} /> },
          { label: <SortLink link={sortLinks.signature} /> },
          { label: <SortLink link={sortLinks.fin} /> },
          { label: "Mois restants" },
          { label: "Avancement", className: "text-right" },
          { label: "Fiches actions" },
          { label: "Dernière évaluation" },
          { label: "Revue", className: "text-right" },
          { label: <SortLink link={sortLinks.signaux} /> },
        ]}
      >
        {rows.map((row) => (
          <tr key={row.id} className="align-top">
            <th scope="row" className="font-normal">
              <a href={row.href} className="font-semibold">
                {row.territory}
              </a>
              <span className="block text-slate-600">{row.title}</span>
            </th>
            <td>{row.departments}</td>
            <td>
              <ContractStatusBadge status={row.status} />
            </td>
            <td className="whitespace-nowrap">{row.signedOn}</td>
            <td className="whitespace-nowrap">{row.endsOn}</td>
            <td>{row.monthsLeft}</td>
            <td className="num">{row.progress}</td>
            <td>
              {row.fiches ? (
                <>
                  {row.fiches.count}
                  <span className="block text-slate-600">{row.fiches.byStatus}</span>
                </>
              ) : (
                "Aucune"
              )}
            </td>
            <td>{row.lastCampaign}</td>
            <td className="num">{row.review ? <a href={row.review.href}>{row.review.label}</a> : "—"}</td>
            <td>
              <FlagBadges flags={row.flags} />
            </td>
          </tr>
        ))}
      </Table>
    </div>
  );
}
