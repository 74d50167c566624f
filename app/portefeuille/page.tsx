import type { Metadata } from "next";
import Link from "next/link";
import { BarChart } from "@/components/charts/bar-chart";
import { ChartFigure } from "@/components/charts/chart-figure";
import { TileMap } from "@/components/charts/tile-map";
import { PortfolioTable } from "@/components/portfolio/portfolio-table";
import { FilterForm } from "@/components/ui/filter-form";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Section } from "@/components/ui/section";
import { SelectField } from "@/components/ui/select-field";
import { TabNav } from "@/components/ui/tab-nav";
import { Table } from "@/components/ui/table";
import { loadAuthorized } from "@/lib/auth/require";
import { COMPLIANCE_CHECKS } from "@/lib/compliance/checks";
import { CONTRACT_STATUS_LABELS } from "@/lib/contracts/labels";
import { formatCount, formatNumber } from "@/lib/format";
import { listHref } from "@/lib/params/list-params";
import { regionTiles } from "@/lib/portfolio/departments";
import { getPortfolio } from "@/lib/portfolio/queries";
import { portfolioSortLinks, portfolioTableRows } from "@/lib/portfolio/table";
import { EXPIRY_CHOICES, portfolioFilters, readPortfolioParams, type PortfolioView } from "@/lib/portfolio/schema";

export const metadata: Metadata = { title: "Portefeuille régional" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const PATH = "/portefeuille";

/** Each view's tab and heading: the list, the map, the chart of one selection. */
const VIEWS: Record<PortfolioView, { tab: string; title: string }> = {
  liste: { tab: "Liste des contrats", title: "Contrats de la région" },
  carte: { tab: "Carte", title: "Répartition par département" },
  graphique: { tab: "Graphique", title: "Répartition par point d’attention" },
};

export default async function PortfolioPage({ searchParams }: Props) {
  const params = readPortfolioParams(await searchParams);
  const { data: portfolio } = await loadAuthorized(PATH, {}, (actor) => getPortfolio(actor, params, { rows: params.vue === "liste" }));
  const { region } = portfolio;
  const filters = { ...portfolioFilters(params), region: region.slug };
  const filtered = Boolean(params.departement || params.statut || params.expire || params.signal);
  const tiles = regionTiles(region.inseeCode);
  const counts = Object.fromEntries(portfolio.byDepartment.map((department) => [department.code, department.count]));
  const exportHref = listHref(`${PATH}/export.xlsx`, { ...filters, vue: undefined }, 1);
  const tabs = (Object.keys(VIEWS) as PortfolioView[]).map((view) => ({
    href: listHref(PATH, { ...filters, vue: view === "liste" ? undefined : view }, 1),
    label: VIEWS[view].tab,
    current: view === params.vue,
  }));

  return (
    <>
      <PageHeader title="Portefeuille régional">
        <p>
          {region.name}&#8239;: {formatCount(portfolio.total, "contrat retenu", "contrats retenus")}
          {filtered ? " par les filtres" : ""}.
        </p>
        {portfolio.keepsPrsList ? (
          <p className="mt-2 text-base">
            <Link href={`/portefeuille/objectifs-prs?region=${region.slug}`}>Objectifs du projet régional de santé</Link>, que les fiches
            actions de la région citent.
          </p>
        ) : null}
      </PageHeader>
      <TabNav label="Vues du portefeuille" tabs={tabs} />
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
        {portfolio.regions.length > 1 ? (
          <FilterForm action={PATH} submitLabel="Changer de région">
            {params.vue !== "liste" ? <input type="hidden" name="vue" value={params.vue} /> : null}
            <SelectField
              label="Région"
              name="region"
              defaultValue={region.slug}
              options={portfolio.regions.map((choice) => ({ value: choice.slug, label: choice.name }))}
            />
          </FilterForm>
        ) : null}

        <Section id="contrats" title={VIEWS[params.vue].title}>
          <FilterForm action={`${PATH}#contrats`} submitLabel="Filtrer">
            <input type="hidden" name="region" value={region.slug} />
            {params.vue !== "liste" ? <input type="hidden" name="vue" value={params.vue} /> : null}
            <SelectField
              label="Département"
              name="departement"
              defaultValue={params.departement ?? ""}
              placeholder="Tous les départements"
              options={portfolio.byDepartment.map((department) => ({
                value: department.code,
                label: `${department.name} (${department.code})`,
              }))}
            />
            <SelectField
              label="Statut"
              name="statut"
              defaultValue={params.statut ?? ""}
              placeholder="Tous les statuts"
              options={Object.entries(CONTRACT_STATUS_LABELS).map(([value, label]) => ({ value, label }))}
            />
            <SelectField
              label="Fin du contrat"
              name="expire"
              defaultValue={params.expire ? String(params.expire) : ""}
              placeholder="Toutes les dates"
              options={[...new Set([...EXPIRY_CHOICES, ...(params.expire ? [params.expire] : [])])]
                .sort((a, b) => a - b)
                .map((months) => ({ value: String(months), label: `Expire d’ici ${formatNumber(months)}\u00a0mois` }))}
            />
            <SelectField
              label="Point d’attention"
              name="signal"
              defaultValue={params.signal ?? ""}
              placeholder="Tous les contrats"
              options={COMPLIANCE_CHECKS.map((check) => ({ value: check.id, label: check.label }))}
            />
            {params.tri !== "fin" ? <input type="hidden" name="tri" value={params.tri} /> : null}
            {params.ordre !== "asc" ? <input type="hidden" name="ordre" value={params.ordre} /> : null}
          </FilterForm>
          <p className="mt-4 text-slate-700" role="status">
            {formatCount(portfolio.total, "contrat retenu", "contrats retenus")}.{" "}
            <a href={exportHref} download>
              Exporter la liste en Excel (.xlsx)
            </a>
          </p>
          {portfolio.truncated ? (
            <p className="mt-2 text-slate-700">
              La région compte plus de contrats que le portefeuille n’en liste&#8239;: filtrez par département.
            </p>
          ) : null}
          {/* Keyed: moving between views makes new figures, not the previous one's opened « Voir les données ». */}
          {params.vue === "carte" ? (
            <div key="carte" className="mt-4">
              <ChartFigure
                id="carte"
                title="Contrats par département"
                summary={`Nombre de contrats retenus par les filtres (hors département) dans chaque département de la région ${region.name}.`}
                note="Chaque case est un département, placée à peu près où se trouve sa préfecture."
                chart={tiles.length ? <TileMap tiles={tiles} counts={counts} selected={params.departement} /> : null}
                table={
                  <Table
                    caption="Contrats par département"
                    columns={[{ label: "Département" }, { label: "Contrats", className: "text-right" }]}
                  >
                    {portfolio.byDepartment.map((department) => (
                      <tr key={department.code}>
                        <th scope="row" className="font-normal">
                          {department.name} ({department.code})
                        </th>
                        <td className="num">{formatNumber(department.count)}</td>
                      </tr>
                    ))}
                  </Table>
                }
              />
            </div>
          ) : params.vue === "graphique" ? (
            <div key="graphique" className="mt-4">
              <ChartFigure
                id="graphique"
                title="Points d’attention"
                summary="Nombre de contrats retenus par les filtres qui présentent chaque point d’attention."
                chart={
                  <BarChart
                    rows={portfolio.byFlag.map((flag) => ({ label: flag.label, value: flag.count }))}
                    unit="count"
                    name="Contrats"
                    labelLength={30}
                  />
                }
                table={
                  <Table
                    caption="Points d’attention"
                    columns={[{ label: "Point d’attention" }, { label: "Contrats", className: "text-right" }]}
                  >
                    {portfolio.byFlag.map((flag) => (
                      <tr key={flag.id}>
                        <th scope="row" className="font-normal">
                          {flag.label}
                        </th>
                        <td className="num">{formatNumber(flag.count)}</td>
                      </tr>
                    ))}
                  </Table>
                }
              />
            </div>
          ) : (
            <>
              {portfolio.rows.length ? (
                <div className="mt-4">
                  <PortfolioTable
                    rows={portfolioTableRows(portfolio.rows)}
                    sortLinks={portfolioSortLinks(PATH, filters, params.tri, params.ordre)}
                    caption={`Contrats de la région ${region.name}`}
                  />
                </div>
              ) : (
                <p className="mt-4 text-slate-700">
                  {filtered ? "Aucun contrat ne correspond à ces filtres." : "Aucun contrat dans cette région."}
                </p>
              )}
              <Pagination
                page={params.page}
                pageCount={portfolio.pageCount}
                href={(page) => listHref(PATH, filters, page, "contrats")}
                label="Pages de la liste des contrats"
              />
            </>
          )}
        </Section>
      </div>
    </>
  );
}
