import Link from "next/link";
import { ContractStatusBadge } from "@/components/contracts/contract-status-badge";
import { PageHeader } from "@/components/ui/page-header";
import { currentActor } from "@/lib/authz";
import { formatCount, formatDate, formatDuration } from "@/lib/format";
import { TERRITORY_KIND_LABELS } from "@/lib/territories/labels";
import { listTerritoryDirectory, type TerritoryDirectory } from "@/lib/territories/queries";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const regions = await listTerritoryDirectory(await currentActor());
  const territories = regions.flatMap((region) => region.territories);
  const contractCount = territories.filter((territory) => territory.contracts.length).length;

  return (
    <>
      <PageHeader title="Les contrats locaux de santé, en clair">
        <p>
          OpenCLS publie les contrats locaux de santé des territoires : diagnostic, axes stratégiques, fiches actions, signataires et
          partenaires, puis leur évaluation à mi-parcours et au terme du contrat.
        </p>
      </PageHeader>
      <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        <h2 id="territoires" className="text-2xl font-semibold tracking-tight text-slate-900">
          Territoires
        </h2>
        <p className="mt-1 text-slate-700">
          {formatCount(territories.length, "territoire", "territoires")}, {formatCount(contractCount, "contrat publié", "contrats publiés")}.
        </p>
        {regions.length ? (
          <div className="mt-6 space-y-10">
            {regions.map((region) => (
              <RegionBlock key={region.id} region={region} />
            ))}
          </div>
        ) : (
          <p className="mt-6 rounded-lg border border-slate-200 bg-white p-6 text-slate-700">Aucun territoire n’est encore inscrit sur la plateforme.</p>
        )}
      </div>
    </>
  );
}

function RegionBlock({ region }: { region: TerritoryDirectory[number] }) {
  return (
    <section aria-labelledby={`region-${region.slug}`}>
      <h3 id={`region-${region.slug}`} className="text-lg font-semibold text-slate-800">
        {region.name}
      </h3>
      <ul className="mt-3 grid grid-cols-1 gap-4 md:grid-cols-2">
        {region.territories.map((territory) => {
          const contract = territory.contracts[0];
          const ficheCount = contract ? contract.declaredFicheCount ?? contract._count.fiches : 0;
          return (
            <li key={territory.slug} className="flex flex-col rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
              <p className="text-sm text-slate-600">
                {TERRITORY_KIND_LABELS[territory.kind]}
                {territory.department ? ` · ${territory.department}` : ""}
              </p>
              <h4 className="mt-1 text-lg font-semibold">
                <Link href={`/territoires/${territory.slug}`}>{territory.name}</Link>
              </h4>
              {contract ? (
                <>
                  <p className="mt-2 text-slate-800">{contract.title}</p>
                  <div className="mt-3 flex flex-wrap items-center gap-x-3 gap-y-2 text-sm text-slate-700">
                    <ContractStatusBadge status={contract.status} />
                    {contract.signedOn ? <span>Signé le {formatDate(contract.signedOn)}</span> : null}
                    {contract.durationMonths ? <span>{formatDuration(contract.durationMonths)}</span> : null}
                  </div>
                  <p className="mt-3 text-sm text-slate-700">
                    {formatCount(contract._count.axes, "axe", "axes")}
                    {ficheCount ? ` · ${formatCount(ficheCount, "fiche action", "fiches actions")}` : ""}
                  </p>
                </>
              ) : (
                <p className="mt-2 text-slate-700">Aucun contrat publié.</p>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
