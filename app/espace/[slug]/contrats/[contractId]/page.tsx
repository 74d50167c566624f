import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { AmendmentList } from "@/components/amendments/amendment-list";
import { AxisForm } from "@/components/axes/axis-form";
import { CampaignList } from "@/components/campaigns/campaign-list";
import { FlagList } from "@/components/compliance/flag-list";
import { AxisHeading } from "@/components/contracts/axis-list";
import { ContractStatusBadge } from "@/components/contracts/contract-status-badge";
import { AxisFichesLink, FicheList } from "@/components/contracts/fiche-list";
import { ActionButton } from "@/components/forms/action-button";
import { BulkPublishPanel } from "@/components/publication/bulk-publish-panel";
import { ConfirmActionButton } from "@/components/forms/confirm-action-button";
import { Badge } from "@/components/ui/badge";
import { Disclosure } from "@/components/ui/disclosure";
import { PageHeader } from "@/components/ui/page-header";
import { ProgressBar } from "@/components/ui/progress-bar";
import { Section } from "@/components/ui/section";
import { WorkspaceBreadcrumb } from "@/components/workspace/workspace-breadcrumb";
import { loadAuthorized } from "@/lib/auth/require";
import { can } from "@/lib/authz";
import { listContractAmendments } from "@/lib/amendments/queries";
import { listContractCampaigns } from "@/lib/campaigns/queries";
import { listContractFlags } from "@/lib/compliance/queries";
import { axisLabel, generationLabel } from "@/lib/contracts/labels";
import { axisProgress, contractProgress, ficheProgress } from "@/lib/contracts/progress";
import { getContractOverview } from "@/lib/contracts/queries";
import { PROGRESS_STATUS_LABELS, PROGRESS_STATUS_TONES } from "@/lib/fiches/labels";
import { readFicheListParams, ficheListPage } from "@/lib/contracts/fiche-list";
import { formatDate, formatDuration, formatNumber } from "@/lib/format";
import { getDb } from "@/lib/db/client";
import { fichesToPublish } from "@/lib/publication/pending";
import { listContractReviewStages, listReviewThreads, stageOf } from "@/lib/reviews/queries";
import { CAMPAIGN_KIND_LABELS } from "@/lib/campaigns/labels";
import { awaitingTerritory, OpenReviewItems } from "@/components/reviews/open-review-items";
import { ReviewStagePanel } from "@/components/reviews/review-stage-panel";
import { answerReviewThreadAction, settleReviewThreadAction, submitReviewStageAction } from "./lecture/actions";
import {
  closeCampaignAction,
  createAxisAction,
  deleteAxisAction,
  moveAxisAction,
  openCampaignAction,
  updateAxisAction,
  updateCampaignAction,
} from "./actions";
import { createAmendmentAction } from "./avenants/actions";
import { publishFichesAction } from "./fiches/actions";
import { isRenewable } from "@/lib/renewal/schema";
import { territoryResource } from "@/lib/workspaces/resource";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string; contractId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const load = cache((slug: string, contractId: string) =>
  loadAuthorized(`/espace/${slug}/contrats/${contractId}`, { slug, contractId }, (actor) => getContractOverview(actor, slug, contractId)),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, contractId } = await params;
  return { title: (await load(slug, contractId)).data.title };
}

export default async function ContractPage({ params, searchParams }: Props) {
  const { slug, contractId } = await params;
  const { actor, data: contract } = await load(slug, contractId);
  const base = `/espace/${contract.territory.slug}`;
  const contractPath = `${base}/contrats/${contract.id}`;
  const filters = readFicheListParams(await searchParams);
  const fiches = ficheListPage(contract.axes, filters);
  const ficheCount = contract.axes.reduce((sum, axis) => sum + axis.fiches.length, 0);
  const editable = can(actor, "contract.edit", territoryResource(contract.territory));
  const overall = contractProgress(contract.axes);
  // The contract is authorized above: its campaigns (two at most) come with it.
  const [campaigns, flags, amendments] = await Promise.all([
    listContractCampaigns(contract.id),
    listContractFlags(actor, contract),
    listContractAmendments(getDb(), contract.id),
  ]);
  // Draft amendments stay with the territory's members and its agency, as the contract's own draft does.
  const shownAmendments = amendments.amendments.filter(
    (amendment) => amendment.status === "signed" || can(actor, "workspace.read", territoryResource(contract.territory)),
  );
  // Coordinators answer the agency's review of this contract here; the agency reads and comments on the reading page.
  const answers = can(actor, "review.answer", territoryResource(contract.territory));
  const [threads, stages] = answers
    ? await Promise.all([listReviewThreads(getDb(), { contractId: contract.id }), listContractReviewStages(getDb(), contract.id)])
    : [[], []];
  const openReview = { threads: threads.filter((thread) => thread.status === "open"), stages };
  const draftStage = stageOf(stages, "draft", contract.id);
  // The generations either side, for those who read every contract of the territory (a partner reads only some).
  const follows =
    (contract.previousContract || contract.nextContract) &&
    (editable || can(actor, "portfolio.read", territoryResource(contract.territory)));

  return (
    <>
      <PageHeader title={contract.title} eyebrow={<WorkspaceBreadcrumb territory={contract.territory} contract={contract} />}>
        <p className="flex flex-wrap items-center gap-2">
          <ContractStatusBadge status={contract.status} />
          {contract.visibility === "published" ? <Badge tone="success">Publié</Badge> : <Badge tone="warning">Brouillon</Badge>}
          <span className="text-base text-slate-600">
            {generationLabel(contract.generation)}
            {contract.signedOn ? ` · signé le ${formatDate(contract.signedOn)}` : ""}
            {contract.durationMonths ? ` · ${formatDuration(contract.durationMonths)}` : ""}
          </span>
        </p>
        {follows ? (
          <p className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-base">
            {contract.previousContract ? (
              <span>
                Contrat précédent&nbsp;:{" "}
                <Link href={`${base}/contrats/${contract.previousContract.id}`}>{contract.previousContract.title}</Link>
              </span>
            ) : null}
            {contract.nextContract ? (
              <span>
                Contrat suivant&nbsp;: <Link href={`${base}/contrats/${contract.nextContract.id}`}>{contract.nextContract.title}</Link>
              </span>
            ) : null}
          </p>
        ) : null}
      </PageHeader>
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
        <div className="flex flex-wrap gap-3">
          {editable ? (
            <Link
              href={`${base}/contrats/${contract.id}/modifier`}
              className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white no-underline hover:bg-brand-800 hover:text-white"
            >
              Modifier le contrat
            </Link>
          ) : null}
          {editable && contract.axes.length ? (
            <Link
              href={`${base}/contrats/${contract.id}/fiches/nouvelle`}
              className="rounded-md px-4 py-2 font-medium text-brand-800 no-underline ring-1 ring-inset ring-brand-700 hover:bg-brand-50"
            >
              Nouvelle fiche action
            </Link>
          ) : null}
          {editable ? (
            <Link href={`${base}/contrats/${contract.id}/import`} className="self-center">
              Importer des fiches
            </Link>
          ) : null}
          {editable ? (
            <Link href={`${base}/contrats/${contract.id}/corbeille`} className="self-center">
              Corbeille
            </Link>
          ) : null}
          <Link href={`${contractPath}/lecture`} className="self-center">
            {can(actor, "review.comment", territoryResource(contract.territory))
              ? "Lire et commenter le contrat"
              : "Lire le contrat en entier"}
          </Link>
          <Link href={`${contractPath}/tableau-de-bord`} className="self-center">
            Tableau de bord
          </Link>
          <Link href={`${contractPath}/gouvernance`} className="self-center">
            Gouvernance
          </Link>
          <Link href={`${contractPath}/besoins`} className="self-center">
            Besoins et actions
          </Link>
          {editable && !contract.nextContract && isRenewable(contract.status) ? (
            <Link href={`${contractPath}/renouveler`} className="self-center">
              Préparer le contrat suivant
            </Link>
          ) : null}
          <Link href={`${contractPath}/documents`} className="self-center">
            Documents
          </Link>
          <a href={`${base}/contrats/${contract.id}/export.xlsx`} download className="self-center">
            Exporter en Excel (.xlsx)
          </a>
          <a href={`${base}/contrats/${contract.id}/export.pdf`} download className="self-center">
            Document PDF
          </a>
          {contract.visibility === "published" ? (
            <Link href={`/territoires/${contract.territory.slug}`} className="self-center">
              Voir la page publique
            </Link>
          ) : null}
        </div>

        {flags ? (
          <Section
            id="conformite"
            title={flags.length ? `Points d’attention (${flags.length})` : "Points d’attention"}
            description="Ce que l’ARS vérifie sur chaque contrat de la région, et où le corriger."
          >
            <FlagList flags={flags} links={editable} />
          </Section>
        ) : null}

        {answers ? (
          <Section id="revue" title={`Revue de l’ARS${awaitingTerritory(openReview) ? ` (${awaitingTerritory(openReview)})` : ""}`}>
            <div className="space-y-5">
              {contract.status === "preparation" || draftStage.stage ? (
                <div>
                  <h3 className="mb-2 font-semibold text-slate-900">Projet de contrat</h3>
                  <ReviewStagePanel
                    subject={{ kind: "draft", id: contract.id, label: "le projet de contrat" }}
                    stage={draftStage}
                    facts={{ contractStatus: contract.status }}
                    side="coordinator"
                    actions={{ submit: submitReviewStageAction }}
                  />
                </div>
              ) : null}
              {campaigns
                .filter((campaign) => campaign.status === "closed")
                .map((campaign) => (
                  <div key={campaign.id}>
                    <h3 className="mb-2 font-semibold text-slate-900">Rapport de l’{CAMPAIGN_KIND_LABELS[campaign.kind].toLowerCase()}</h3>
                    <ReviewStagePanel
                      subject={{
                        kind: "evaluation_report",
                        id: campaign.id,
                        label: `le rapport de l’${CAMPAIGN_KIND_LABELS[campaign.kind].toLowerCase()}`,
                      }}
                      stage={stageOf(stages, "evaluation_report", campaign.id)}
                      facts={{ contractStatus: contract.status, campaignStatus: campaign.status }}
                      side="coordinator"
                      actions={{ submit: submitReviewStageAction }}
                    />
                  </div>
                ))}
              <OpenReviewItems
                items={{ threads: openReview.threads, stages: [] }}
                actions={{ comment: answerReviewThreadAction, resolve: settleReviewThreadAction }}
                showContract={false}
              />
            </div>
          </Section>
        ) : null}

        <Section id="avancement" title="Avancement">
          <div className="max-w-xl">
            <ProgressBar value={overall} label="Contrat" />
          </div>
          <p className="mt-3 text-sm text-slate-600">
            Moyenne des axes, eux-mêmes moyenne de leurs fiches actions (pondérée quand un poids est fixé)&#8239;; une fiche qui a des
            objectifs opérationnels prend la moyenne de ses objectifs. Les fiches abandonnées ne comptent pas.
          </p>
        </Section>

        <Section id="evaluation" title="Évaluation">
          <CampaignList
            territorySlug={contract.territory.slug}
            contractId={contract.id}
            campaigns={campaigns}
            editable={editable}
            actions={{ open: openCampaignAction, update: updateCampaignAction, close: closeCampaignAction }}
          />
        </Section>

        <Section id="avenants" title={`Avenants (${shownAmendments.length})`}>
          <AmendmentList
            contract={contract}
            amendments={shownAmendments}
            signature={amendments.signature}
            editable={editable}
            create={createAmendmentAction}
          />
        </Section>

        <Section id="axes" title={`Axes stratégiques (${contract.axes.length})`}>
          {contract.axes.length ? (
            <ol className="space-y-4">
              {contract.axes.map((axis, index) => {
                const label = `${axisLabel(axis)} «\u00a0${axis.title}\u00a0»`;
                return (
                  <li
                    key={axis.id}
                    className={`rounded-md border p-4 sm:p-5 ${axis.isTransversal ? "border-dashed border-brand-600 bg-brand-50/50" : "border-slate-200"}`}
                  >
                    <div className="flex flex-col gap-3 lg:flex-row lg:items-start lg:justify-between">
                      <div className="grow">
                        <AxisHeading axis={axis} />
                        {axis.description ? <p className="mt-1 text-slate-700">{axis.description}</p> : null}
                      </div>
                      <div className="w-full shrink-0 lg:w-64">
                        <ProgressBar value={axisProgress(axis)} label="Avancement" />
                      </div>
                    </div>
                    <AxisFichesLink path={contractPath} axis={axis} />
                    {editable ? (
                      <div className="mt-4 flex flex-wrap items-start gap-2 border-t border-slate-200 pt-4">
                        <ActionButton
                          action={moveAxisAction}
                          fields={{ axisId: axis.id, direction: "up" }}
                          label={`Monter l’${label}`}
                          disabled={index === 0}
                        >
                          ↑ Monter
                        </ActionButton>
                        <ActionButton
                          action={moveAxisAction}
                          fields={{ axisId: axis.id, direction: "down" }}
                          label={`Descendre l’${label}`}
                          disabled={index === contract.axes.length - 1}
                        >
                          ↓ Descendre
                        </ActionButton>
                        {axis.fiches.length === 0 ? (
                          <ConfirmActionButton
                            action={deleteAxisAction}
                            fields={{ axisId: axis.id, version: String(axis.version) }}
                            label={`Supprimer l’${label}`}
                            question={`Supprimer l’${label}\u00a0?`}
                            confirmLabel="Supprimer"
                          />
                        ) : null}
                        <Disclosure className="w-full" summary="Modifier l’intitulé, la description">
                          <div className="mt-3 max-w-3xl">
                            {/* Only the form's fields: the axis's fiches would travel to the browser with it. */}
                            <AxisForm
                              action={updateAxisAction}
                              axis={{
                                id: axis.id,
                                version: axis.version,
                                title: axis.title,
                                description: axis.description,
                                isTransversal: axis.isTransversal,
                              }}
                            />
                          </div>
                        </Disclosure>
                      </div>
                    ) : null}
                  </li>
                );
              })}
            </ol>
          ) : (
            <p className="text-slate-700">Aucun axe pour le moment.</p>
          )}
        </Section>

        {editable && ficheCount ? (
          <Section
            id="publication"
            title="Publication des fiches"
            description={
              <p>
                Le public lit chaque fiche dans la version publiée, sans ses champs confidentiels.
                {contract.visibility === "published"
                  ? null
                  : " Le contrat est un brouillon\u202f: ses fiches publiées ne seront visibles qu’une fois le contrat publié."}
              </p>
            }
          >
            <BulkPublishPanel
              contractId={contract.id}
              pending={fichesToPublish(contract.axes.flatMap((axis) => axis.fiches))}
              publish={publishFichesAction}
            />
          </Section>
        ) : null}

        <Section id="fiches" title={`Fiches actions (${formatNumber(ficheCount)})`}>
          <FicheList
            path={contractPath}
            axes={contract.axes}
            filters={filters}
            list={fiches}
            ficheCount={ficheCount}
            title={(fiche) =>
              can(actor, "fiche.edit", { ...territoryResource(contract.territory), pilotUserId: fiche.pilotUserId }) ? (
                <Link href={`${contractPath}/fiches/${fiche.id}`}>{fiche.title}</Link>
              ) : (
                // Readers who may not edit it (the agency, partners) read it whole.
                <Link href={`${contractPath}/lecture/fiches/${fiche.id}`}>{fiche.title}</Link>
              )
            }
            details={(fiche) => (
              <>
                {fiche.closedOn ? <Badge tone="neutral">Close le {formatDate(fiche.closedOn)}</Badge> : null}
                <Badge tone={PROGRESS_STATUS_TONES[fiche.status]}>{PROGRESS_STATUS_LABELS[fiche.status]}</Badge>
                {ficheProgress(fiche)}&#8239;%
              </>
            )}
          />
        </Section>

        {editable ? (
          <Section id="nouvel-axe" title="Ajouter un axe">
            <div className="max-w-3xl">
              <AxisForm action={createAxisAction} contractId={contract.id} />
            </div>
          </Section>
        ) : null}
      </div>
    </>
  );
}
