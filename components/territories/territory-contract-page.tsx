// A public contract page: the territory's current contract on its own page, or an earlier
// generation's on /territoires/<slug>/cls-<n>, with the links between the generations.
import { PublicAmendments } from "@/components/amendments/public-amendments";
import { ContractSections } from "@/components/contracts/contract-sections";
import { ContractGenerations } from "@/components/renewal/contract-generations";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { listPublicAmendments } from "@/lib/amendments/queries";
import { ANONYMOUS } from "@/lib/authz";
import { generationLabel } from "@/lib/contracts/labels";
import { publicContractStatus } from "@/lib/contracts/public-status";
import { publicDocumentPath } from "@/lib/documents/paths";
import { todayInParis } from "@/lib/due/schedule";
import { findPublicEvaluation } from "@/lib/public-pages/evaluation";
import { listPublicFicheProgress, publicProgress } from "@/lib/public-pages/progress";
import { publicContractPath, publicFichePath, publicTerritoryPath } from "@/lib/publication/paths";
import { TERRITORY_KIND_LABELS } from "@/lib/territories/labels";
import type { TerritoryPage } from "@/lib/territories/queries";

/** Where a generation's public page is: the territory's own page for its latest published contract. */
export function generationPath(territory: TerritoryPage, generation: number): string {
  const latest = territory.contracts[0]?.territory.contracts.at(-1)?.generation;
  return generation === latest ? publicTerritoryPath(territory.slug) : publicContractPath(territory.slug, generation);
}

export async function TerritoryContractPage({ territory, earlier }: { territory: TerritoryPage; earlier: boolean }) {
  const contract = territory.contracts[0];
  // The page is kept whole for the day in Paris its render began (lib/public-pages/cache.ts): what it says of today holds until midnight.
  const today = todayInParis();
  const [evaluation, ficheProgress, amendments] = contract
    ? await Promise.all([findPublicEvaluation(contract), listPublicFicheProgress(contract), listPublicAmendments(ANONYMOUS, contract)])
    : [null, new Map(), []];
  const subtitle = [TERRITORY_KIND_LABELS[territory.kind], territory.department, `Région ${territory.region.name}`]
    .filter(Boolean)
    .join(" · ");
  const generations = contract?.territory.contracts ?? [];
  const trail =
    earlier && contract
      ? [
          { label: "Accueil", href: "/" },
          { label: territory.name, href: publicTerritoryPath(territory.slug) },
          { label: generationLabel(contract.generation) },
        ]
      : [{ label: "Accueil", href: "/" }, { label: territory.name }];

  return (
    <>
      <PageHeader title={territory.name} eyebrow={<Breadcrumb items={trail} />}>
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
              documentHref={(documentId) => publicDocumentPath(territory.slug, documentId)}
            />
            <PublicAmendments
              amendments={amendments}
              ficheHref={(number) => publicFichePath(territory.slug, contract.generation, number)}
              documentHref={(documentId) => publicDocumentPath(territory.slug, documentId)}
            />
            {generations.length > 1 ? (
              <ContractGenerations
                currentId={contract.id}
                generations={generations.map((entry) => ({ ...entry, href: generationPath(territory, entry.generation) }))}
              />
            ) : null}
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
