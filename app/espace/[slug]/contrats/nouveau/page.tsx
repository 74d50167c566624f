import type { Metadata } from "next";
import { ContractForm } from "@/components/contracts/contract-form";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { WorkspaceBreadcrumb } from "@/components/workspace/workspace-breadcrumb";
import { loadAuthorized } from "@/lib/auth/require";
import { getNewContractForm } from "@/lib/contracts/queries";
import { createContractAction } from "../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Nouveau contrat" };

type Props = { params: Promise<{ slug: string }> };

export default async function NewContractPage({ params }: Props) {
  const { slug } = await params;
  const { data } = await loadAuthorized(`/espace/${slug}/contrats/nouveau`, { slug }, (actor) => getNewContractForm(actor, slug));
  const base = `/espace/${data.territory.slug}`;
  return (
    <>
      <PageHeader title="Nouveau contrat" eyebrow={<WorkspaceBreadcrumb territory={data.territory} current="Nouveau contrat" />}>
        <p>Les axes et les fiches actions s’ajoutent ensuite, depuis la page du contrat.</p>
      </PageHeader>
      <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        <Section id="contrat" title="Le contrat">
          <ContractForm
            action={createContractAction}
            hidden={{ territoryId: data.territory.id }}
            organisations={data.organisations}
            afterCreate={`${base}/contrats`}
            values={{
              title: `Contrat local de santé de ${data.territory.name}`,
              generation: String(data.nextGeneration),
              status: "preparation",
              visibility: "draft",
              summary: "",
              councilAdoptedOn: "",
              signedOn: "",
              startsOn: "",
              endsOn: "",
              prsReference: "",
              diagnosisSource: "",
              diagnosisYear: "",
              diagnosisSummary: "",
              mentalHealthComponent: "",
              clsmStatus: "unknown",
              clsmName: "",
              findings: [],
              signatories: [],
            }}
          />
        </Section>
      </div>
    </>
  );
}
