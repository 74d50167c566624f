import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PublicAmendments } from "@/components/amendments/public-amendments";
import { ContractSections } from "@/components/contracts/contract-sections";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { listPublicAmendments } from "@/lib/amendments/queries";
import { currentActor } from "@/lib/auth/session";
import { publicContractStatus } from "@/lib/contracts/public-status";
import { todayInParis } from "@/lib/due/schedule";
import { findPublicEvaluation } from "@/lib/public-pages/evaluation";
import { publicPageMetadata } from "@/lib/public-pages/metadata";
import { listPublicFicheProgress, publicProgress } from "@/lib/public-pages/progress";
import { publicFichePath, publicTerritoryPath } from "@/lib/publication/paths";
import { TERRITORY_KIND_LABELS } from "@/lib/territories/labels";
import { findTerritoryPage, type TerritoryPage } from "@/lib/territories/queries";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

async function loadTerritory(params: Props["params"]): Promise<TerritoryPage> {
  const { slug } = await params;
  const territory = await findTerritoryPage(await currentActor(), slug);
  if (!territory) notFound();
  return territory;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const territory = await loadTerritory(params);
  const contract = territory.contracts[0];
  return publicPageMetadata({
    title: `Contrat local de santé – ${territory.name}`,
    description: contract?.summary?.trim() || `Contrat local de santé du territoire ${territory.name}.`,
    path: publicTerritoryPath(territory.slug),
  });
}

export default async function TerritoryPublicPage({ params }: Props) {
  const territory = await loadTerritory(params);
  const contract = territory.contracts[0];
  // The page is kept whole for the day in Paris its render began (lib/public-pages/cache.ts): what it says of today holds until midnight.
  const today = todayInParis();
  const actor = await currentActor();
  const [evaluation, ficheProgress, amendments] = contract
    ? await Promise.all([findPublicEvaluation(contract), listPublicFicheProgress(contract), listPublicAmendments(actor, contract)])
    : [null, new Map(), []];
  const subtitle = [TERRITORY_KIND_LABELS[territory.kind], territory.department, `Région ${territory.region.name}`]
    .filter(Boolean)
    .join(" · ");

  return (
    <>
      <PageHeader title={territory.name} eyebrow={<Breadcrumb items={[{ label: "Accueil", href: "/" }, { label: territory.name }]} />}>
        <p>{subtitle}</p>
      </PageHeader>
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
        {contract ? (
          <>
            <ContractSections
              contract={contract}
              status={publicContractStatus(contract, today)}
              progress={publicProgress(contract.axes, contract.publicFiches, ficheProgress)}
              ficheProgress={ficheProgress}
              evaluation={evaluation}
              ficheHref={(number) => publicFichePath(territory.slug, contract.generation, number)}
            />
            <PublicAmendments
              amendments={amendments}
              ficheHref={(number) => publicFichePath(territory.slug, contract.generation, number)}
            />
          </>
        ) : (
          <Section id="contrat" title="Contrat local de santé">
            <p>Aucun contrat local de santé n’est encore publié pour ce territoire.</p>
          </Section>
        )}
      </div>
    </>
  );
}
