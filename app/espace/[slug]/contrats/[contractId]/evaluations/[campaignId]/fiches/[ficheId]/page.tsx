import type { Metadata } from "next";
import { cache } from "react";
import { AssessmentForm } from "@/components/assessments/assessment-form";
import { AssessmentView } from "@/components/assessments/assessment-view";
import { FicheContext } from "@/components/assessments/fiche-context";
import { ChangeList } from "@/components/audit/change-list";
import { CampaignStatusBadge } from "@/components/campaigns/campaign-status-badge";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { WorkspaceBreadcrumb } from "@/components/workspace/workspace-breadcrumb";
import { getAssessmentPage } from "@/lib/assessments/queries";
import { loadAuthorized } from "@/lib/auth/require";
import { CLOSED_CAMPAIGN_MESSAGE } from "@/lib/campaigns/guard";
import { CAMPAIGN_KIND_LABELS, periodText } from "@/lib/campaigns/labels";
import { ficheLabel } from "@/lib/contracts/labels";
import { formatDateTime } from "@/lib/format";
import { saveAssessmentAction } from "../actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; contractId: string; campaignId: string; ficheId: string }> };

const load = cache((slug: string, contractId: string, campaignId: string, ficheId: string) =>
  loadAuthorized(
    `/espace/${slug}/contrats/${contractId}/evaluations/${campaignId}/fiches/${ficheId}`,
    { slug, contractId, campaignId, ficheId },
    (actor) => getAssessmentPage(actor, slug, contractId, campaignId, ficheId),
  ),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, contractId, campaignId, ficheId } = await params;
  const { data } = await load(slug, contractId, campaignId, ficheId);
  return { title: `Bilan – ${ficheLabel(data.fiche.number)} – ${CAMPAIGN_KIND_LABELS[data.campaign.kind]}` };
}

export default async function AssessmentPage({ params }: Props) {
  const { slug, contractId, campaignId, ficheId } = await params;
  const { data } = await load(slug, contractId, campaignId, ficheId);
  const { contract, campaign, fiche, assessment, budget } = data;
  const period = periodText(campaign.periodStart, campaign.periodEnd);

  return (
    <>
      <PageHeader
        title={`${ficheLabel(fiche.number)}\u00a0: ${fiche.title}`}
        eyebrow={
          <WorkspaceBreadcrumb
            territory={contract.territory}
            contract={contract}
            campaign={campaign}
            current={`Bilan de la ${ficheLabel(fiche.number).toLowerCase()}`}
          />
        }
      >
        <p className="flex flex-wrap items-center gap-2">
          <CampaignStatusBadge status={campaign.status} />
          <span className="text-base text-slate-600">
            Bilan pour l’{CAMPAIGN_KIND_LABELS[campaign.kind].toLowerCase()}
            {period ? `, période ${period}` : ""}
          </span>
        </p>
      </PageHeader>
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
        <Section id="fiche" title="La fiche action">
          <FicheContext fiche={fiche} indicators={data.indicators} />
        </Section>

        <Section
          id="bilan"
          title="Bilan de la fiche"
          description={
            assessment ? (
              <p>Dernier enregistrement le {formatDateTime(assessment.updatedAt)}.</p>
            ) : data.editable ? null : (
              <p>Ce bilan n’a pas encore été renseigné.</p>
            )
          }
        >
          {campaign.status === "closed" ? (
            <div className="mb-5">
              <Alert tone="info">{CLOSED_CAMPAIGN_MESSAGE}</Alert>
            </div>
          ) : null}
          {data.editable ? (
            <AssessmentForm
              action={saveAssessmentAction}
              target={{ campaignId: campaign.id, ficheId: fiche.id, version: assessment?.version ?? 0 }}
              values={data.values}
              budget={budget}
            />
          ) : (
            <>
              {campaign.status === "open" ? (
                <p className="mb-5 text-slate-700">La coordination du territoire et le pilote de la fiche renseignent ce bilan.</p>
              ) : null}
              {data.record ? <AssessmentView record={data.record} budget={budget} /> : null}
            </>
          )}
        </Section>

        {assessment ? (
          <Section id="historique" title="Historique du bilan">
            <ChangeList changes={data.history} label="Enregistrements du bilan" empty="Aucun enregistrement." />
          </Section>
        ) : null}
      </div>
    </>
  );
}
