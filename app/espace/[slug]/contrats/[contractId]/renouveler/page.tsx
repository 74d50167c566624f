import type { Metadata } from "next";
import Link from "next/link";
import { RenewalForm } from "@/components/renewal/renewal-form";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { WorkspaceBreadcrumb } from "@/components/workspace/workspace-breadcrumb";
import { loadAuthorized } from "@/lib/auth/require";
import { axisLabel, CONTRACT_STATUS_LABELS, ficheLabel, generationLabel } from "@/lib/contracts/labels";
import { PROGRESS_STATUS_LABELS } from "@/lib/fiches/labels";
import { formatDate } from "@/lib/format";
import { getRenewalForm } from "@/lib/renewal/queries";
import { isRenewable, nextContractTitle } from "@/lib/renewal/schema";
import { renewContractAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Préparer le contrat suivant" };

type Props = { params: Promise<{ slug: string; contractId: string }> };

export default async function RenewContractPage({ params }: Props) {
  const { slug, contractId } = await params;
  const { data: contract } = await loadAuthorized(`/espace/${slug}/contrats/${contractId}/renouveler`, { slug, contractId }, (actor) =>
    getRenewalForm(actor, slug, contractId),
  );
  const contractsPath = `/espace/${contract.territory.slug}/contrats`;
  const next = contract.generation + 1;
  return (
    <>
      <PageHeader
        title="Préparer le contrat suivant"
        eyebrow={<WorkspaceBreadcrumb territory={contract.territory} contract={contract} current="Contrat suivant" />}
      >
        <p>
          Un nouveau contrat, le {generationLabel(next)}, en préparation et non publié, qui reprend les axes et les fiches que vous
          choisissez. Les fiches reprises repartent «&nbsp;Non commencée&nbsp;», sans calendrier, budget ni indicateurs&#8239;: ceux-ci
          restent lisibles sur la fiche qu’elles poursuivent.
        </p>
      </PageHeader>
      <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        <Section id="contrat-suivant" title={contract.title}>
          {contract.nextContract ? (
            <p role="status">
              Ce contrat a déjà un contrat suivant&nbsp;:{" "}
              <Link href={`${contractsPath}/${contract.nextContract.id}`}>{contract.nextContract.title}</Link> (
              {generationLabel(contract.nextContract.generation)}). Un contrat n’a qu’un contrat suivant.
            </p>
          ) : !isRenewable(contract.status) ? (
            <p role="status">
              Ce contrat est «&nbsp;{CONTRACT_STATUS_LABELS[contract.status]}&nbsp;»&#8239;: seul un contrat signé, en cours, en évaluation
              ou clos peut avoir un contrat suivant.
            </p>
          ) : (
            <RenewalForm
              action={renewContractAction}
              contractId={contract.id}
              title={nextContractTitle(contract.title, next)}
              workspacePath={contractsPath}
              axes={contract.axes.map((axis) => ({
                id: axis.id,
                label: `${axisLabel(axis)} – ${axis.title}`,
                fiches: axis.fiches.map((fiche) => ({
                  id: fiche.id,
                  label: `${ficheLabel(fiche.number)} – ${fiche.title}`,
                  // A fiche an amendment closed may be taken up again: the form says it was closed.
                  status: fiche.closedOn ? `Close le ${formatDate(fiche.closedOn)}` : PROGRESS_STATUS_LABELS[fiche.status],
                })),
              }))}
            />
          )}
        </Section>
      </div>
    </>
  );
}
