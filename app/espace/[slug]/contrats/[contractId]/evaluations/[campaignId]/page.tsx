import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { CampaignFicheTable } from "@/components/assessments/campaign-fiche-table";
import { CampaignFacts } from "@/components/campaigns/campaign-facts";
import { CampaignStatusBadge } from "@/components/campaigns/campaign-status-badge";
import { ReportDownloads } from "@/components/reports/report-downloads";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { ProgressBar } from "@/components/ui/progress-bar";
import { Section } from "@/components/ui/section";
import { WorkspaceBreadcrumb } from "@/components/workspace/workspace-breadcrumb";
import { assessmentPath, campaignPath } from "@/lib/assessments/paths";
import { getCampaignPage } from "@/lib/assessments/queries";
import { loadAuthorized } from "@/lib/auth/require";
import { CAMPAIGN_KIND_LABELS } from "@/lib/campaigns/labels";
import { CLOSED_CAMPAIGN_MESSAGE } from "@/lib/campaigns/guard";
import { axisLabel } from "@/lib/contracts/labels";
import { formatCount, formatNumber } from "@/lib/format";
import { listHref, readListParams } from "@/lib/params/list-params";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string; contractId: string; campaignId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const load = cache((slug: string, contractId: string, campaignId: string, page: number) =>
  loadAuthorized(`/espace/${slug}/contrats/${contractId}/evaluations/${campaignId}`, { slug, contractId, campaignId }, (actor) =>
    getCampaignPage(actor, slug, contractId, campaignId, { page }),
  ),
);

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { slug, contractId, campaignId } = await params;
  const { data } = await load(slug, contractId, campaignId, readListParams(await searchParams).page);
  return { title: `${CAMPAIGN_KIND_LABELS[data.campaign.kind]} – ${data.contract.title}` };
}

export default async function CampaignPage({ params, searchParams }: Props) {
  const { slug, contractId, campaignId } = await params;
  const { page } = readListParams(await searchParams);
  const { data } = await load(slug, contractId, campaignId, page);
  const { contract, campaign, progress, groups } = data;
  const place = { territorySlug: contract.territory.slug, contractId: contract.id, campaignId: campaign.id };
  const title = CAMPAIGN_KIND_LABELS[campaign.kind];
  const assessed = `${formatCount(progress.assessed, "fiche évaluée", "fiches évaluées")} sur ${formatNumber(progress.total)}`;

  return (
    <>
      <PageHeader title={title} eyebrow={<WorkspaceBreadcrumb territory={contract.territory} contract={contract} current={title} />}>
        <p className="flex flex-wrap items-center gap-2">
          <CampaignStatusBadge status={campaign.status} />
          <span className="text-base text-slate-600">{contract.title}</span>
        </p>
      </PageHeader>
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
        <Section id="campagne" title="La campagne">
          <CampaignFacts campaign={campaign} />
          {campaign.status === "closed" ? <p className="mt-4 text-slate-700">{CLOSED_CAMPAIGN_MESSAGE}</p> : null}
        </Section>

        <Section id="resultats" title="Résultats et rapports">
          <p className="text-slate-700">
            <Link href={`${campaignPath(place)}/tableau-de-bord`}>Tableau de bord de l’évaluation</Link>
            {" · "}
            <Link href={`/espace/${contract.territory.slug}/contrats/${contract.id}/gouvernance`}>Gouvernance (COPIL, COTECH)</Link>
          </p>
          <div className="mt-4">
            <ReportDownloads reportPath={campaignPath(place)} />
          </div>
          {campaign.status === "open" ? (
            <p className="mt-3 text-sm text-slate-600">La campagne est ouverte&nbsp;: les rapports donnent des chiffres provisoires.</p>
          ) : null}
        </Section>

        <Section id="avancement" title="Avancement des bilans">
          <div className="max-w-xl">
            {progress.total ? (
              <ProgressBar value={Math.round((progress.assessed / progress.total) * 100)} label={assessed} />
            ) : (
              <p className="text-slate-700">Le contrat n’a pas encore de fiche action à évaluer.</p>
            )}
          </div>
          <p className="mt-3 text-sm text-slate-600">
            Une fiche est évaluée quand son bilan dit ce qu’elle est devenue (son état de réalisation).
          </p>
        </Section>

        <Section id="fiches" title="Bilans des fiches actions">
          {groups.length ? (
            <div className="space-y-6">
              {groups.map(({ axis, fiches }) => (
                <div key={axis.id}>
                  <h3 className="font-semibold text-slate-900">
                    {axisLabel(axis)}&nbsp;: {axis.title}
                  </h3>
                  <CampaignFicheTable
                    caption={`Bilans des fiches de l’${axisLabel(axis).toLowerCase()}`}
                    fiches={fiches}
                    href={(ficheId) => assessmentPath({ ...place, ficheId })}
                  />
                </div>
              ))}
            </div>
          ) : (
            <p className="text-slate-700">{progress.total ? "Aucune fiche sur cette page." : "Aucune fiche action pour le moment."}</p>
          )}
          <Pagination
            page={page}
            pageCount={data.pageCount}
            href={(target) => listHref(campaignPath(place), {}, target, "fiches")}
            label="Pages de la liste des fiches"
          />
        </Section>

        <p>
          <Link href={`/espace/${contract.territory.slug}/contrats/${contract.id}#evaluation`}>Retour au contrat</Link>
        </p>
      </div>
    </>
  );
}
