import type { Metadata } from "next";
import { FicheForm } from "@/components/fiches/fiche-form";
import { NewOrganisationForm } from "@/components/organisations/new-organisation-form";
import { PageHeader } from "@/components/ui/page-header";
import { WorkspaceBreadcrumb } from "@/components/workspace/workspace-breadcrumb";
import { loadAuthorized } from "@/lib/auth/require";
import { getNewFicheForm } from "@/lib/fiches/queries";
import { createFicheAction, createOrganisationAction } from "../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Nouvelle fiche action" };

type Props = { params: Promise<{ slug: string; contractId: string }> };

export default async function NewFichePage({ params }: Props) {
  const { slug, contractId } = await params;
  const { data } = await loadAuthorized(`/espace/${slug}/contrats/${contractId}/fiches/nouvelle`, { slug, contractId }, (actor) =>
    getNewFicheForm(actor, slug, contractId),
  );
  const contractPath = `/espace/${data.contract.territory.slug}/contrats/${data.contract.id}`;
  return (
    <>
      <PageHeader
        title="Nouvelle fiche action"
        eyebrow={<WorkspaceBreadcrumb territory={data.contract.territory} contract={data.contract} current="Nouvelle fiche" />}
      />
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
        <NewOrganisationForm action={createOrganisationAction} contractId={data.contract.id} />
        {data.choices.axes.length ? (
          <FicheForm
            action={createFicheAction}
            values={data.values}
            hidden={{ contractId: data.contract.id }}
            choices={data.choices}
            organisations={data.organisations}
            canRestructure
            afterCreate={`${contractPath}/fiches`}
          />
        ) : (
          <p className="text-slate-700">Ajoutez d’abord un axe au contrat&#8239;: chaque fiche action appartient à un axe.</p>
        )}
      </div>
    </>
  );
}
