import type { Metadata } from "next";
import Link from "next/link";
import { ContractStatusBadge } from "@/components/contracts/contract-status-badge";
import { RegionFilter } from "@/components/regions/region-filter";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { ficheCountOf } from "@/lib/contracts/fiche-count";
import { currentActor } from "@/lib/auth/session";
import { formatCount, formatDate, formatDuration } from "@/lib/format";
import { listHref, PAGE_SIZE, readListParams } from "@/lib/params/list-params";
import { publicPageMetadata, SITE_DESCRIPTION } from "@/lib/public-pages/metadata";
import { TERRITORY_KIND_LABELS } from "@/lib/territories/labels";
import { listTerritoryDirectory, type TerritoryDirectoryEntry } from "@/lib/territories/queries";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// The site's own title; a page of the list or a region is its own page, named by those parameters only.
export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const params = readListParams(await searchParams);
  return publicPageMetadata({ description: SITE_DESCRIPTION, path: listHref("/", { region: params.region }, params.page) });
}

export default async function HomePage({ searchParams }: Props) {
  const params = readListParams(await searchParams);
  const directory = await listTerritoryDirectory(await currentActor(), params);
  const listed = directory.regions.reduce((sum, region) => sum + region.territories, 0);
  const region = directory.regions.find((candidate) => candidate.slug === params.region);
  const pageCount = Math.ceil(directory.total / PAGE_SIZE);

  return (
    <>
      <PageHeader title="Les contrats locaux de santé, en clair">
        <p>
          OpenCLS publie les contrats locaux de santé des territoires&nbsp;: diagnostic, axes stratégiques, fiches actions, signataires et
          partenaires, puis leur évaluation à mi-parcours et au terme du contrat.
        </p>
      </PageHeader>
      <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        <h2 id="territoires" className="text-2xl font-semibold tracking-tight text-slate-900">
          Territoires
        </h2>
        <p className="mt-1 text-slate-700">
          {formatCount(listed, "territoire", "territoires")} dans {formatCount(directory.regions.length, "région", "régions")},{" "}
          {/* Each listed territory shows its current published contract. */}
          {formatCount(listed, "contrat publié", "contrats publiés")}.
        </p>
        <RegionFilter regions={directory.regions} selected={region} total={directory.total} action="/#territoires" />
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
                Aucun territoire sur cette page. <Link href="/#territoires">Revenir au début de la liste</Link>
              </>
            ) : (
              "Aucun territoire n’est encore inscrit sur la plateforme."
            )}
          </p>
        )}
        <Pagination
          page={params.page}
          pageCount={pageCount}
          href={(page) => listHref("/", { region: region?.slug }, page, "territoires")}
          label="Pages de la liste des territoires"
        />
      </div>
    </>
  );
}

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
            <ContractStatusBadge status={contract.status} />
            {contract.signedOn ? <span>le {formatDate(contract.signedOn)}</span> : null}
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
