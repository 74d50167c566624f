import type { Metadata } from "next";
import { ImportForm } from "@/components/fiches/import-form";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { WorkspaceBreadcrumb } from "@/components/workspace/workspace-breadcrumb";
import { loadAuthorized } from "@/lib/auth/require";
import { axisLabel } from "@/lib/contracts/labels";
import { getImportPage } from "@/lib/fiches/queries";
import { importFichesAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Importer des fiches actions" };

type Props = { params: Promise<{ slug: string; contractId: string }> };

export default async function ImportPage({ params }: Props) {
  const { slug, contractId } = await params;
  const { data: contract } = await loadAuthorized(`/espace/${slug}/contrats/${contractId}/import`, { slug, contractId }, (actor) =>
    getImportPage(actor, slug, contractId),
  );
  const contractPath = `/espace/${contract.territory.slug}/contrats/${contract.id}`;
  return (
    <>
      <PageHeader
        title="Importer des fiches actions"
        eyebrow={<WorkspaceBreadcrumb territory={contract.territory} contract={contract} current="Import" />}
      >
        <p>
          Depuis un tableau Excel (.xlsx) ou CSV. Une fiche dont le numéro existe déjà est mise à jour, pas dupliquée&#8239;: avant de
          remplacer quoi que ce soit, la vérification montre chaque champ modifié, avant et après, et vous demande de confirmer. Importer
          deux fois le même fichier ne change rien.
        </p>
      </PageHeader>
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
        <Section id="modele" title="1. Partir du modèle">
          <p>
            <a href={`${contractPath}/import/modele.xlsx`} download>
              Télécharger le modèle (.xlsx)
            </a>{" "}
            – une ligne par fiche&#8239;; la feuille «&nbsp;Mode d’emploi&nbsp;» décrit chaque colonne. Sa ligne d’exemple (numéro
            «&nbsp;Exemple&nbsp;») n’est jamais importée.
          </p>
          {contract.axes.length ? (
            <p className="mt-3 text-sm text-slate-600">
              Axes de ce contrat&#8239;: {contract.axes.map((axis) => `${axisLabel(axis)} (${axis.title})`).join(" ; ")}.
            </p>
          ) : (
            <p className="mt-3 text-sm text-slate-600">Ce contrat n’a pas encore d’axe&#8239;: ajoutez-les avant d’importer des fiches.</p>
          )}
        </Section>
        <Section id="fichier" title="2. Vérifier, puis importer">
          <ImportForm action={importFichesAction} contractId={contract.id} />
        </Section>
      </div>
    </>
  );
}
