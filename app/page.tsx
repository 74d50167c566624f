import type { Metadata } from "next";
import Link from "next/link";
import { TileMap } from "@/components/charts/tile-map";
import { ContractStatusBadge } from "@/components/contracts/contract-status-badge";
import { FilterForm } from "@/components/ui/filter-form";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { SelectField } from "@/components/ui/select-field";
import { Table } from "@/components/ui/table";
import { TextField } from "@/components/ui/text-field";
import { currentActor } from "@/lib/auth/session";
import { ficheCountOf } from "@/lib/contracts/fiche-count";
import { PUBLIC_STATUS_KEYS, PUBLIC_STATUS_LABELS, publicContractStatus } from "@/lib/contracts/public-status";
import { formatCount, formatDate, formatDuration, formatNumber } from "@/lib/format";
import { listGeoDepartments, searchCommunes } from "@/lib/geo/reference";
import { listHref, PAGE_SIZE } from "@/lib/params/list-params";
import { publicPageMetadata, SITE_DESCRIPTION } from "@/lib/public-pages/metadata";
import { franceRegionTiles } from "@/lib/regions/tiles";
import { TERRITORY_KIND_LABELS } from "@/lib/territories/labels";
import { listCommuneCoverage, listTerritoryDirectory, type CommuneCoverage, type TerritoryDirectoryEntry } from "@/lib/territories/queries";
import { readDirectoryParams } from "@/lib/territories/schema";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The site's own title; a page of the list or a region is its own page, named by those parameters only.
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const params = readDirectoryParams(await searchParams);
  return publicPageMetadata({
    description: SITE_DESCRIPTION,
    path: listHref("/", { region: params.region, departement: params.departement, statut: params.statut }, params.page),
  });
}

export default async function HomePage({ searchParams }: Props) {
  const params = readDirectoryParams(await searchParams);
  const actor = await currentActor();
  const [directory, coverage] = await Promise.all([
    listTerritoryDirectory(actor, params),
    params.commune ? listCommuneCoverage(actor, searchCommunes(params.commune)) : null,
  ]);
  const listed = directory.regions.reduce((sum, region) => sum + region.territories, 0);
  const region = directory.regions.find((candidate) => candidate.slug === params.region);
  const departments = listGeoDepartments().filter((department) => !region || department.regionCode === region.code);
  const department = departments.find((candidate) => candidate.code === params.departement);
  const pageCount = Math.ceil(directory.total / PAGE_SIZE);
  const filters = { region: region?.slug, departement: department?.code, statut: params.statut };

  return (
    <>
      <PageHeader title="Les contrats locaux de santé, en clair">
        <p>
          Un contrat local de santé (CLS) engage pour cinq ans en général une collectivité (commune, intercommunalité, pays) et l’agence
          régionale de santé, avec la préfecture, l’Assurance maladie, le département, les hôpitaux et d’autres partenaires. Il part d’un
          diagnostic local de santé et fixe, par axes, des fiches actions concrètes pour réduire les inégalités de santé du
          territoire&nbsp;; il est évalué à mi-parcours et à son terme.
        </p>
        <p className="mt-2">
          OpenCLS publie ces contrats, leurs fiches actions et leur avancement. <Link href="/recherche">Rechercher une action</Link> ou{" "}
          <Link href="/donnees">télécharger les données</Link>.
        </p>
      </PageHeader>
      <div className="mx-auto max-w-6xl space-y-12 px-4 py-8 sm:px-6">
        <section aria-labelledby="commune">
          <h2 id="commune" className="text-2xl font-semibold tracking-tight text-slate-900">
            Le contrat de ma commune
          </h2>
          <div className="mt-4">
            <FilterForm action="/#commune" submitLabel="Chercher">
              <TextField
                label="Commune ou code postal"
                name="commune"
                defaultValue={params.commune ?? ""}
                hint={"Par exemple\u00a0: Romans-sur-Isère ou 26100."}
                autoComplete="address-level2"
              />
            </FilterForm>
          </div>
          {coverage ? <CoverageList query={params.commune!} coverage={coverage} /> : null}
        </section>

        <section aria-labelledby="territoires">
          <h2 id="territoires" className="text-2xl font-semibold tracking-tight text-slate-900">
            Territoires
          </h2>
          <p className="mt-1 text-slate-700">
            {formatCount(listed, "territoire", "territoires")} dans {formatCount(directory.regions.length, "région", "régions")},{" "}
            {/* Each listed territory shows its current published contract. */}
            {formatCount(listed, "contrat publié", "contrats publiés")}.
          </p>
          <RegionMap regions={directory.regions} selected={region?.code} />
          <div className="mt-6">
            <FilterForm action="/#territoires" submitLabel="Afficher">
              <SelectField
                label="Région"
                name="region"
                defaultValue={region?.slug ?? ""}
                placeholder="Toutes les régions"
                options={directory.regions.map((option) => ({
                  value: option.slug,
                  label: `${option.name} (${formatNumber(option.territories)})`,
                }))}
              />
              <SelectField
                label="État du contrat"
                name="statut"
                defaultValue={params.statut ?? ""}
                placeholder="Tous les états"
                options={PUBLIC_STATUS_KEYS.map((key) => ({ value: key, label: PUBLIC_STATUS_LABELS[key] }))}
              />
              <SelectField
                label="Département"
                name="departement"
                defaultValue={department?.code ?? ""}
                placeholder="Tous les départements"
                options={departments.map((option) => ({ value: option.code, label: `${option.code} – ${option.name}` }))}
              />
            </FilterForm>
          </div>
          {region || department || params.statut ? (
            <p className="mt-4 text-slate-700" role="status">
              {[region?.name, department?.name, params.statut ? PUBLIC_STATUS_LABELS[params.statut] : null].filter(Boolean).join(", ")}
              &nbsp;: {formatCount(directory.total, "territoire", "territoires")}.
            </p>
          ) : null}
          {directory.entries.length ? (
            <ul className="mt-6 grid grid-cols-1 gap-4 md:grid-cols-2 lg:grid-cols-3">
              {directory.entries.map((territory) => (
                <TerritoryCard key={territory.slug} territory={territory} />
              ))}
            </ul>
          ) : (
            <p className="mt-6 rounded-lg border border-slate-200 bg-white p-6 text-slate-700">
              {listed ? (
                <>
                  Aucun territoire ici. <Link href="/#territoires">Voir tous les territoires</Link>
                </>
              ) : (
                "Aucun territoire n’est encore inscrit sur la plateforme."
              )}
            </p>
          )}
          <Pagination
            page={params.page}
            pageCount={pageCount}
            href={(page) => listHref("/", filters, page, "territoires")}
            label="Pages de la liste des territoires"
          />
        </section>
      </div>
    </>
  );
}

/** The communes found, each with the territories whose contract covers it. */
function CoverageList({ query, coverage }: { query: string; coverage: CommuneCoverage[] }) {
  return (
    <div role="status" className="mt-4">
      {coverage.length ? (
        <ul className="space-y-3">
          {coverage.map(({ commune, territories }) => (
            <li key={commune.code} className="rounded-lg border border-slate-200 bg-white p-4">
              <p className="font-semibold text-slate-900">
                {commune.name}{" "}
                <span className="font-normal text-slate-600">
                  ({[commune.postcodes.join(", "), `département ${commune.departmentCode}`].filter(Boolean).join(", ")})
                </span>
              </p>
              {territories.length ? (
                <ul className="mt-1 space-y-1">
                  {territories.map((territory) => (
                    <li key={territory.slug}>
                      <Link href={`/territoires/${territory.slug}`}>{territory.name}</Link>{" "}
                      <span className="text-sm text-slate-600">· {TERRITORY_KIND_LABELS[territory.kind]}</span>
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="mt-1 text-slate-700">Aucun contrat local de santé publié sur OpenCLS ne couvre cette commune.</p>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-slate-700">
          Aucune commune ne correspond à «&nbsp;{query}&nbsp;». Vérifiez l’orthographe ou saisissez le code postal.
        </p>
      )}
    </div>
  );
}

/** How many territories each region lists: a tile map of the 18 regions, and the same figures as a table beside it. */
function RegionMap({ regions, selected }: { regions: TerritoryDirectoryFacets; selected: string | undefined }) {
  const tiles = franceRegionTiles();
  const byCode = new Map(regions.map((region) => [region.code, region]));
  const counts = Object.fromEntries(tiles.map((tile) => [tile.code, byCode.get(tile.code)?.territories ?? 0]));
  return (
    <div className="mt-6 grid items-start gap-6 lg:grid-cols-[minmax(0,22rem)_1fr]">
      <div aria-hidden="true" className="rounded-md border border-slate-200 bg-white p-4">
        <TileMap tiles={tiles} counts={counts} selected={selected} />
        <p className="mt-2 text-sm text-slate-600">Les cinq régions d’outre-mer figurent sur la dernière ligne.</p>
      </div>
      <div
        className="overflow-x-auto rounded-md border border-slate-200 bg-white"
        tabIndex={0}
        role="region"
        aria-label="Territoires par région"
      >
        <Table caption="Territoires par région" columns={[{ label: "Région" }, { label: "Territoires", className: "text-right" }]}>
          {[...tiles]
            .sort((a, b) => a.name.localeCompare(b.name, "fr"))
            .map((tile) => {
              const region = byCode.get(tile.code);
              return (
                <tr key={tile.code}>
                  <th scope="row" className="font-normal">
                    {region ? (
                      <Link
                        href={listHref("/", { region: region.slug }, 1, "territoires")}
                        aria-current={tile.code === selected ? "true" : undefined}
                      >
                        {tile.name}
                      </Link>
                    ) : (
                      tile.name
                    )}{" "}
                    <span className="text-slate-500">({tile.label})</span>
                  </th>
                  <td className="text-right tabular-nums">{formatNumber(counts[tile.code])}</td>
                </tr>
              );
            })}
        </Table>
      </div>
    </div>
  );
}

type TerritoryDirectoryFacets = Awaited<ReturnType<typeof listTerritoryDirectory>>["regions"];

function TerritoryCard({ territory }: { territory: TerritoryDirectoryEntry }) {
  const contract = territory.contracts[0];
  const ficheCount = contract ? ficheCountOf(contract, contract._count.publicFiches) : 0;
  return (
    <li className="flex flex-col rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <p className="text-sm text-slate-600">{territory.region.name}</p>
      <h3 className="mt-1 text-lg font-semibold leading-snug">
        <Link href={`/territoires/${territory.slug}`}>{territory.name}</Link>
      </h3>
      <p className="mb-4 text-sm text-slate-600">
        {TERRITORY_KIND_LABELS[territory.kind]}
        {territory.department ? ` · ${territory.department}` : ""}
      </p>
      {contract ? (
        <div className="mt-auto flex flex-col gap-2 border-t border-slate-100 pt-4 text-sm text-slate-700">
          <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <ContractStatusBadge status={publicContractStatus(contract)} />
            {contract.signedOn ? <span>signé le {formatDate(contract.signedOn)}</span> : null}
            {contract.durationMonths ? <span>pour {formatDuration(contract.durationMonths)}</span> : null}
          </p>
          <p>
            {formatCount(contract._count.axes, "axe", "axes")}
            {ficheCount ? ` · ${formatCount(ficheCount, "fiche action", "fiches actions")}` : ""}
          </p>
        </div>
      ) : (
        <p className="mt-auto border-t border-slate-100 pt-4 text-sm text-slate-700">Aucun contrat publié.</p>
      )}
    </li>
  );
}
