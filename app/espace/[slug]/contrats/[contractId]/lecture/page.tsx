import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { ContractStatusBadge } from "@/components/contracts/contract-status-badge";
import { AxisFichesLink, FicheList } from "@/components/contracts/fiche-list";
import { ReviewStagePanel } from "@/components/reviews/review-stage-panel";
import { ReviewThreads, type ThreadActions } from "@/components/reviews/review-thread";
import { Badge } from "@/components/ui/badge";
import { CatalogueEntries } from "@/components/reading/catalogue-entries";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { WorkspaceBreadcrumb } from "@/components/workspace/workspace-breadcrumb";
import { loadAuthorized } from "@/lib/auth/require";
import { can } from "@/lib/authz";
import { documentEntries } from "@/lib/catalogue";
import { CAMPAIGN_KIND_LABELS, CAMPAIGN_STATUS_LABELS, periodText } from "@/lib/campaigns/labels";
import { listContractCampaigns } from "@/lib/campaigns/queries";
import { readFicheListParams, ficheListPage } from "@/lib/contracts/fiche-list";
import { getContractReading } from "@/lib/contracts/queries";
import { axisLabel, ficheLabel } from "@/lib/contracts/labels";
import { CONTRACT_FIELDS } from "@/lib/contracts/schema";
import { PROGRESS_STATUS_LABELS, PROGRESS_STATUS_TONES } from "@/lib/fiches/labels";
import { getDb } from "@/lib/db/client";
import { formatCount, formatDate, formatNumber } from "@/lib/format";
import { listContractReviewStages, listReviewThreads, stageOf } from "@/lib/reviews/queries";
import {
  answerReviewThreadAction,
  approveReviewStageAction,
  commentReviewThreadAction,
  openReviewThreadAction,
  reopenReviewThreadAction,
  requestReviewChangesAction,
  resolveReviewThreadAction,
  settleReviewThreadAction,
  submitReviewStageAction,
} from "./actions";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string; contractId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

// The contract, its axes and fiches' rows, its campaigns and its review: five statements whatever its size.
// Each fiche is read whole on its own page; the list shows a page of them (lib/contracts/fiche-list.ts).
const load = cache((slug: string, contractId: string) =>
  loadAuthorized(`/espace/${slug}/contrats/${contractId}/lecture`, { slug, contractId }, async (actor) => {
    const contract = await getContractReading(actor, slug, contractId);
    const [campaigns, threads, stages] = await Promise.all([
      listContractCampaigns(contract.id),
      listReviewThreads(getDb(), { contractId: contract.id }),
      listContractReviewStages(getDb(), contract.id),
    ]);
    return { contract, campaigns, threads, stages };
  }),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, contractId } = await params;
  return { title: `${(await load(slug, contractId)).data.contract.title} (lecture)` };
}

export default async function ContractReadingPage({ params, searchParams }: Props) {
  const { slug, contractId } = await params;
  const { actor, data } = await load(slug, contractId);
  const { contract, campaigns, threads, stages } = data;
  const resource = { territoryId: contract.territory.id, regionId: contract.territory.regionId };
  const officer = can(actor, "review.comment", resource);
  const coordinator = !officer && can(actor, "review.answer", resource);
  // The review is between the agency and the territory: partners and contributors read the content only.
  const side = officer ? "officer" : coordinator ? "coordinator" : null;
  const contractPath = `/espace/${contract.territory.slug}/contrats/${contract.id}`;
  const readingPath = `${contractPath}/lecture`;
  const filters = readFicheListParams(await searchParams);
  const fiches = ficheListPage(contract.axes, filters);
  const ficheCount = contract.axes.reduce((sum, axis) => sum + axis.fiches.length, 0);
  const entries = documentEntries(CONTRACT_FIELDS, contract);
  const threadActions: ThreadActions = officer
    ? { comment: commentReviewThreadAction, resolve: resolveReviewThreadAction, reopen: reopenReviewThreadAction }
    : { comment: answerReviewThreadAction, resolve: settleReviewThreadAction };
  const threadsOn = (targetId: string) => (side ? threads.filter((thread) => thread.targetId === targetId) : []);
  const newThread = (targetKind: string, targetId: string, targetLabel: string) =>
    officer ? { action: openReviewThreadAction, contractId: contract.id, targetKind, targetId, targetLabel } : undefined;
  const openByTarget = new Map<string, number>();
  for (const thread of side ? threads : []) {
    if (thread.status === "open") openByTarget.set(thread.targetId, (openByTarget.get(thread.targetId) ?? 0) + 1);
  }
  const openOn = (ficheId: string) => openByTarget.get(ficheId) ?? 0;
  // The list shows a page of fiches: those under discussion are named here, whatever their page.
  const fichesUnderDiscussion = contract.axes.flatMap((axis) => axis.fiches).filter((fiche) => openOn(fiche.id) > 0);
  const draft = stageOf(stages, "draft", contract.id);
  const stageActions = officer
    ? { requestChanges: requestReviewChangesAction, approve: approveReviewStageAction }
    : { submit: submitReviewStageAction };

  return (
    <>
      <PageHeader
        title={contract.title}
        eyebrow={<WorkspaceBreadcrumb territory={contract.territory} contract={contract} current="Lecture" />}
      >
        <p className="flex flex-wrap items-center gap-2">
          <ContractStatusBadge status={contract.status} />
          {contract.visibility === "published" ? <Badge tone="success">Publié</Badge> : <Badge tone="warning">Brouillon</Badge>}
          <span className="text-base text-slate-600">
            {contract.territory.name} · Région {contract.territory.region.name}
          </span>
        </p>
      </PageHeader>
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
        <p className="flex flex-wrap gap-4">
          <Link href={contractPath}>Avancement du contrat</Link>
          <Link href={`${contractPath}/tableau-de-bord`}>Tableau de bord</Link>
          <Link href={`${contractPath}/gouvernance`}>Gouvernance</Link>
          <a href={`${contractPath}/export.pdf`} download>
            Document PDF
          </a>
        </p>

        {side ? (
          <Section id="revue" title="Avis de l’ARS sur le contrat">
            {contract.status === "preparation" || draft.stage ? (
              <div className="mb-5">
                <h3 className="mb-2 font-semibold text-slate-900">Projet de contrat</h3>
                <ReviewStagePanel
                  subject={{ kind: "draft", id: contract.id, label: "le projet de contrat" }}
                  stage={draft}
                  facts={{ contractStatus: contract.status }}
                  side={side}
                  actions={stageActions}
                />
              </div>
            ) : null}
            <ReviewThreads
              threads={threadsOn(contract.id)}
              side={side ?? "officer"}
              actions={threadActions}
              newThread={newThread("contract", contract.id, "le contrat")}
            />
            {!officer && threadsOn(contract.id).length === 0 ? <p className="text-slate-700">Aucune discussion sur le contrat.</p> : null}
            {fichesUnderDiscussion.length ? (
              <div className="mt-5">
                <h3 className="mb-2 font-semibold text-slate-900">Fiches en discussion ({fichesUnderDiscussion.length})</h3>
                <ul className="space-y-1" aria-label="Fiches dont une discussion est ouverte">
                  {fichesUnderDiscussion.map((fiche) => (
                    <li key={fiche.id}>
                      <Link href={`${readingPath}/fiches/${fiche.id}`}>
                        {ficheLabel(fiche.number)} – {fiche.title}
                      </Link>{" "}
                      <span className="text-sm text-slate-600">
                        ({formatCount(openOn(fiche.id), "discussion ouverte", "discussions ouvertes")})
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
          </Section>
        ) : null}

        <Section id="contrat" title="Le contrat">
          <CatalogueEntries entries={entries} />
        </Section>

        <Section id="diagnostic" title="Diagnostic local de santé">
          {contract.diagnosisSource || contract.diagnosisYear ? (
            <p className="mb-3 text-sm text-slate-600">
              Source&nbsp;: {[contract.diagnosisSource, contract.diagnosisYear].filter(Boolean).join(", ")}
            </p>
          ) : null}
          {contract.findings.length ? (
            <ol className="list-decimal space-y-1 pl-6">
              {contract.findings.map((finding) => (
                <li key={finding.id}>{finding.text}</li>
              ))}
            </ol>
          ) : (
            <p className="text-slate-700">Aucun constat enregistré.</p>
          )}
        </Section>

        <Section id="parties" title="Signataires et partenaires">
          {contract.signatories.length || contract.partners.length ? (
            <ul className="space-y-1">
              {contract.signatories.map((signatory) => (
                <li key={`s-${signatory.organisationId}`}>
                  <span className="font-medium">{signatory.organisation.name}</span> (signataire)
                  {signatory.signerName ? ` · ${signatory.signerName}${signatory.signerTitle ? `, ${signatory.signerTitle}` : ""}` : ""}
                  {signatory.signedOn ? ` · signé le ${formatDate(signatory.signedOn)}` : ""}
                  {signatory.deliberationReference ? ` · délibération ${signatory.deliberationReference}` : ""}
                </li>
              ))}
              {contract.partners.map((partner) => (
                <li key={`p-${partner.organisationId}`}>
                  <span className="font-medium">{partner.organisation.name}</span> (partenaire){partner.role ? ` · ${partner.role}` : ""}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-slate-700">Aucun signataire ni partenaire enregistré.</p>
          )}
        </Section>

        <Section id="axes" title={`Axes stratégiques (${contract.axes.length})`}>
          {contract.axes.length ? (
            <ol className="space-y-5">
              {contract.axes.map((axis) => {
                const label = `${axisLabel(axis)} «\u00a0${axis.title}\u00a0»`;
                return (
                  <li key={axis.id} className="rounded-md border border-slate-200 p-4 sm:p-5">
                    <h3 className="text-lg font-semibold text-slate-900">
                      {axisLabel(axis)}&nbsp;: {axis.title}
                    </h3>
                    {axis.description ? <p className="mt-1 whitespace-pre-line text-slate-700">{axis.description}</p> : null}
                    <AxisFichesLink path={readingPath} axis={axis} />
                    {side ? (
                      <div className="mt-4 border-t border-slate-200 pt-4">
                        <ReviewThreads
                          threads={threadsOn(axis.id)}
                          side={side ?? "officer"}
                          actions={threadActions}
                          newThread={newThread("axis", axis.id, `l’${label}`)}
                        />
                      </div>
                    ) : null}
                  </li>
                );
              })}
            </ol>
          ) : (
            <p className="text-slate-700">Aucun axe enregistré.</p>
          )}
        </Section>

        <Section id="fiches" title={`Fiches actions (${formatNumber(ficheCount)})`}>
          <FicheList
            path={readingPath}
            axes={contract.axes}
            filters={filters}
            list={fiches}
            ficheCount={ficheCount}
            title={(fiche) => (
              <>
                <Link href={`${readingPath}/fiches/${fiche.id}`}>{fiche.title}</Link>
                {fiche.pilotOrganisationName ? <span className="text-sm text-slate-600"> · {fiche.pilotOrganisationName}</span> : null}
              </>
            )}
            details={(fiche) => (
              <>
                {openOn(fiche.id) ? (
                  <Badge tone="warning">{formatCount(openOn(fiche.id), "discussion ouverte", "discussions ouvertes")}</Badge>
                ) : null}
                <Badge tone={PROGRESS_STATUS_TONES[fiche.status]}>{PROGRESS_STATUS_LABELS[fiche.status]}</Badge>
              </>
            )}
          />
        </Section>

        <Section id="evaluations" title="Évaluations">
          {campaigns.length ? (
            <ul className="space-y-5">
              {campaigns.map((campaign) => {
                const report = stageOf(stages, "evaluation_report", campaign.id);
                const name = CAMPAIGN_KIND_LABELS[campaign.kind];
                return (
                  <li key={campaign.id} id={`campagne-${campaign.id}`} className="rounded-md border border-slate-200 p-4 sm:p-5">
                    <h3 className="text-lg font-semibold text-slate-900">
                      <Link href={`${contractPath}/evaluations/${campaign.id}`}>{name}</Link>
                    </h3>
                    <p className="mt-1 text-sm text-slate-600">
                      {CAMPAIGN_STATUS_LABELS[campaign.status]}
                      {periodText(campaign.periodStart, campaign.periodEnd)
                        ? ` · période ${periodText(campaign.periodStart, campaign.periodEnd)}`
                        : ""}
                      {campaign.closedAt ? ` · close le ${formatDate(campaign.closedAt)}` : ""}
                    </p>
                    {campaign.synthesis ? <p className="mt-2 max-w-3xl whitespace-pre-line text-slate-800">{campaign.synthesis}</p> : null}
                    {side ? (
                      <div className="mt-4 space-y-4 border-t border-slate-200 pt-4">
                        <div>
                          <h4 className="mb-2 font-semibold text-slate-900">Rapport d’évaluation</h4>
                          <ReviewStagePanel
                            subject={{ kind: "evaluation_report", id: campaign.id, label: `le rapport de l’${name.toLowerCase()}` }}
                            stage={report}
                            facts={{ contractStatus: contract.status, campaignStatus: campaign.status }}
                            side={side}
                            actions={stageActions}
                          />
                        </div>
                        <ReviewThreads
                          threads={threadsOn(campaign.id)}
                          side={side ?? "officer"}
                          actions={threadActions}
                          newThread={newThread("campaign", campaign.id, `l’${name.toLowerCase()}`)}
                        />
                      </div>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          ) : (
            <p className="text-slate-700">Aucune campagne d’évaluation pour le moment.</p>
          )}
        </Section>
      </div>
    </>
  );
}
