import type { Metadata } from "next";
import { ContractForm } from "@/components/contracts/contract-form";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { WorkspaceBreadcrumb } from "@/components/workspace/workspace-breadcrumb";
import { loadAuthorized } from "@/lib/auth/require";
import { getContractEditForm } from "@/lib/contracts/queries";
import { updateContractAction } from "../../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Modifier le contrat" };

type Props = { params: Promise<{ slug: string; contractId: string }> };

export default async function EditContractPage({ params }: Props) {
  const { slug, contractId } = await params;
  const { data } = await loadAuthorized(`/espace/${slug}/contrats/${contractId}/modifier`, { slug, contractId }, (actor) =>
    getContractEditForm(actor, slug, contractId),
  );
  return (
    <>
      <PageHeader
        title="Modifier le contrat"
        eyebrow={<WorkspaceBreadcrumb territory={data.contract.territory} contract={data.contract} current="Modifier" />}
      />
      <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        <Section id="contrat" title={data.contract.title}>
          <ContractForm
            action={updateContractAction}
            hidden={{ contractId: data.contract.id, version: String(data.contract.version) }}
            organisations={data.organisations}
            values={data.values}
          />
        </Section>
      </div>
    </>
  );
}
