import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { AmendmentDiff } from "@/components/amendments/amendment-diff";
import { AmendmentFicheForm, AmendmentForm } from "@/components/amendments/amendment-forms";
import { AmendmentSignatures } from "@/components/amendments/amendment-signatures";
import { BaselineNote } from "@/components/amendments/baseline-note";
import { DocumentLinks } from "@/components/documents/document-links";
import { ActionButton } from "@/components/forms/action-button";
import { ConfirmActionButton } from "@/components/forms/confirm-action-button";
import { ReviewStagePanel } from "@/components/reviews/review-stage-panel";
import { ReviewThreads, type ThreadActions } from "@/components/reviews/review-thread";
import { Badge } from "@/components/ui/badge";
import { Disclosure } from "@/components/ui/disclosure";
import { FactList } from "@/components/ui/fact-list";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { WorkspaceBreadcrumb } from "@/components/workspace/workspace-breadcrumb";
import { AMENDMENT_FICHE_CHANGE_LABELS, AMENDMENT_STATUS_LABELS, AMENDMENT_STATUS_TONES, amendmentLabel } from "@/lib/amendments/labels";
import { getAmendmentPage } from "@/lib/amendments/queries";
import { loadAuthorized } from "@/lib/auth/require";
import { can } from "@/lib/authz";
import { ficheLabel } from "@/lib/contracts/labels";
import { getDb } from "@/lib/db/client";
import { workspaceDocumentPath } from "@/lib/documents/paths";
import { todayInParis } from "@/lib/due/schedule";
import { formatDate } from "@/lib/format";
import { listContractReviewStages, listReviewThreads, stageOf } from "@/lib/reviews/queries";
import { territoryResource } from "@/lib/workspaces/resource";
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
} from "../../lecture/actions";
import {
  deleteAmendmentAction,
  markAmendmentFicheAction,
  recordAmendmentSignatureAction,
  signAmendmentAction,
  unmarkAmendmentFicheAction,
  updateAmendmentAction,
} from "../actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; contractId: string; amendmentId: string }> };

// The amendment with its differences and review stage, then its review threads.
const load = cache((slug: string, contractId: string, amendmentId: string) =>
  loadAuthorized(`/espace/${slug}/contrats/${contractId}/avenants/${amendmentId}`, { slug, contractId, amendmentId }, async (actor) => {
    const page = await getAmendmentPage(actor, slug, contractId, amendmentId);
    const [threads, stages] = await Promise.all([
      listReviewThreads(getDb(), { contractId: page.contract.id, targetId: page.amendment.id }),
      listContractReviewStages(getDb(), page.contract.id),
    ]);
    return { ...page, threads, stage: stageOf(stages, "amendment", page.amendment.id) };
  }),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, contractId, amendmentId } = await params;
  const { data } = await load(slug, contractId, amendmentId);
  return { title: `${amendmentLabel(data.amendment.number)} – ${data.contract.title}` };
}

export default async function AmendmentPage({ params }: Props) {
  const { slug, contractId, amendmentId } = await params;
  const { actor, data } = await load(slug, contractId, amendmentId);
  const { contract, amendment, stage, fiches, threads } = data;
  const resource = territoryResource(contract.territory);
  const officer = can(actor, "review.comment", resource);
  const coordinator = !officer && can(actor, "review.answer", resource);
  const side = officer ? "officer" : coordinator ? "coordinator" : null;
  const editable = can(actor, "contract.edit", resource);
  const draft = amendment.status === "draft";
  // The agency gives its opinion on what it read: the draft changes before submission or after a change request only.
  const open = draft && editable && (stage.state === "not_submitted" || stage.state === "changes_requested");
  // Deleted only while the agency was never asked about it: once submitted, its review is on record.
  const deletable = draft && editable && !stage.stage;
  const opinionOn = stage.stage?.state === "favourable" && stage.stage.decidedAt ? todayInParis(stage.stage.decidedAt) : null;
  const contractPath = `/espace/${contract.territory.slug}/contrats/${contract.id}`;
  const label = amendmentLabel(amendment.number);
  const marked = new Set(amendment.fiches.map((fiche) => fiche.ficheId));
  const threadActions: ThreadActions = officer
    ? { comment: commentReviewThreadAction, resolve: resolveReviewThreadAction, reopen: reopenReviewThreadAction }
    : { comment: answerReviewThreadAction, resolve: settleReviewThreadAction };
  const ficheHref = (fiche: { id: string }) => `${contractPath}/lecture/fiches/${fiche.id}`;

  return (
    <>
      <PageHeader title={label} eyebrow={<WorkspaceBreadcrumb territory={contract.territory} contract={contract} current={label} />}>
        <p className="flex flex-wrap items-center gap-2">
          <Badge tone={AMENDMENT_STATUS_TONES[amendment.status]}>{AMENDMENT_STATUS_LABELS[amendment.status]}</Badge>
          <span className="text-base text-slate-600">
            {contract.title}
            {amendment.signedOn ? ` · signé le ${formatDate(amendment.signedOn)}` : ""}
          </span>
        </p>
      </PageHeader>
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
        <p className="flex flex-wrap gap-4">
          <Link href={`${contractPath}#avenants`}>Retour au contrat</Link>
          {amendment.snapshot ? (
            <>
              <a href={`${contractPath}/avenants/${amendment.id}/export.xlsx`} download>
                Contrat modifié par l’avenant en Excel (.xlsx)
              </a>
              <a href={`${contractPath}/avenants/${amendment.id}/export.pdf`} download>
                Contrat modifié par l’avenant en PDF
              </a>
            </>
          ) : null}
        </p>

        <Section id="avenant" title="L’avenant">
          <FactList
            facts={[
              { label: "Objet", value: <span className="whitespace-pre-line">{amendment.purpose}</span> },
              { label: "Délibération du conseil", value: amendment.councilAdoptedOn ? formatDate(amendment.councilAdoptedOn) : "—" },
              { label: "Référence de la délibération", value: amendment.deliberationReference ?? "—" },
              { label: "Signature", value: amendment.signedOn ? `Signé le ${formatDate(amendment.signedOn)}` : "Pas encore signé" },
            ]}
          />
          {open ? (
            <Disclosure className="mt-5" summary="Modifier l’objet, la délibération">
              <div className="mt-3">
                <AmendmentForm
                  action={updateAmendmentAction}
                  amendment={{
                    id: amendment.id,
                    version: amendment.version,
                    purpose: amendment.purpose,
                    councilAdoptedOn: amendment.councilAdoptedOn ? amendment.councilAdoptedOn.toISOString().slice(0, 10) : "",
                    deliberationReference: amendment.deliberationReference ?? "",
                  }}
                />
              </div>
            </Disclosure>
          ) : null}
          {deletable ? (
            <div className="mt-5 border-t border-slate-200 pt-5">
              <ConfirmActionButton
                action={deleteAmendmentAction}
                fields={{ amendmentId: amendment.id, version: String(amendment.version) }}
                label={`Supprimer l’${label.toLowerCase()}`}
                question={`Supprimer l’${label.toLowerCase()}\u00a0? Les fiches qu’il nomme restent dans le contrat telles qu’elles sont.`}
                confirmLabel="Supprimer"
                redirectTo={`${contractPath}#avenants`}
              />
            </div>
          ) : null}
        </Section>

        <Section id="fiches" title={`Fiches de l’avenant (${amendment.fiches.length})`}>
          {amendment.fiches.length ? (
            <ul className="space-y-2" aria-label="Fiches de l’avenant">
              {amendment.fiches.map((item) => (
                <li key={item.ficheId} className="flex flex-col gap-2 rounded bg-slate-50 px-3 py-2 sm:flex-row sm:items-center sm:gap-3">
                  <span className="grow">
                    <Link href={ficheHref({ id: item.ficheId })}>
                      {ficheLabel(item.fiche.number)} «&nbsp;{item.fiche.title}&nbsp;»
                    </Link>
                  </span>
                  <span className="shrink-0 self-start sm:self-auto">
                    <Badge tone={item.change === "closed" ? "warning" : item.change === "added" ? "success" : "brand"}>
                      {AMENDMENT_FICHE_CHANGE_LABELS[item.change]}
                    </Badge>
                  </span>
                  {open ? (
                    <ActionButton
                      action={unmarkAmendmentFicheAction}
                      fields={{ amendmentId: amendment.id, version: String(amendment.version), ficheId: item.ficheId }}
                      label={`Retirer la ${ficheLabel(item.fiche.number).toLowerCase()} de l’avenant`}
                    >
                      Retirer
                    </ActionButton>
                  ) : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-slate-700">L’avenant ne nomme encore aucune fiche.</p>
          )}
          {open ? (
            <div className="mt-5 space-y-3 border-t border-slate-200 pt-5">
              <h3 className="font-semibold text-slate-900">Ajouter une fiche à l’avenant</h3>
              <p className="text-sm text-slate-700">
                Une fiche que l’avenant ajoute se crée d’abord dans le contrat (
                <Link href={`${contractPath}/fiches/nouvelle`}>nouvelle fiche action</Link>)&#8239;; une fiche qu’il modifie se modifie dans
                son formulaire. Une fiche close le sera à la signature de l’avenant, sans être supprimée.
              </p>
              <AmendmentFicheForm
                action={markAmendmentFicheAction}
                amendment={{ id: amendment.id, version: amendment.version }}
                fiches={fiches
                  .filter((fiche) => !fiche.closedOn && !marked.has(fiche.id))
                  .map((fiche) => ({ value: fiche.id, label: `${ficheLabel(fiche.number)} – ${fiche.title}` }))}
              />
            </div>
          ) : null}
        </Section>

        <Section
          id="differences"
          title="Différences"
          description={
            <BaselineNote
              base={amendment.base}
              number={amendment.number}
              after={
                draft
                  ? "le contrat tel qu’il est aujourd’hui"
                  : `le contrat figé à la signature de l’avenant (instantané n°\u00a0${amendment.snapshot?.version})`
              }
            />
          }
        >
          <AmendmentDiff level={3} diff={amendment.diff} detailed ficheHref={ficheHref} />
        </Section>

        {side ? (
          <Section id="revue" title="Avis de l’ARS sur l’avenant">
            <div className="space-y-5">
              <ReviewStagePanel
                subject={{ kind: "amendment", id: amendment.id, label: `l’${label.toLowerCase()}` }}
                stage={stage}
                facts={{ contractStatus: contract.status, amendmentStatus: amendment.status }}
                side={side}
                actions={
                  officer
                    ? { requestChanges: requestReviewChangesAction, approve: approveReviewStageAction }
                    : { submit: submitReviewStageAction }
                }
              />
              <ReviewThreads
                threads={threads}
                side={side}
                actions={threadActions}
                newThread={
                  officer
                    ? {
                        action: openReviewThreadAction,
                        contractId: contract.id,
                        targetKind: "amendment",
                        targetId: amendment.id,
                        targetLabel: `l’${label.toLowerCase()}`,
                      }
                    : undefined
                }
              />
            </div>
          </Section>
        ) : null}

        {(draft && editable) || !draft ? (
          <Section id="signature" title="Signature">
            <AmendmentSignatures
              amendment={amendment}
              signatories={contract.signatories}
              opinionOn={opinionOn}
              contractFormPath={`${contractPath}/modifier`}
              actions={draft && editable ? { record: recordAmendmentSignatureAction, sign: signAmendmentAction } : null}
            />
          </Section>
        ) : null}

        <Section
          id="documents"
          title={`Documents de l’avenant (${amendment.documents.length})`}
          description={
            editable ? (
              <p>
                Le texte signé, les délibérations&#8239;: déposez-les dans les{" "}
                <Link href={`${contractPath}/documents`}>documents du contrat</Link> en les rattachant à l’avenant.
              </p>
            ) : null
          }
        >
          {amendment.documents.length ? (
            <DocumentLinks
              documents={amendment.documents}
              href={(documentId) => workspaceDocumentPath(contract.territory.slug, contract.id, documentId)}
              label="Documents de l’avenant"
              showVisibility
            />
          ) : (
            <p className="text-slate-700">Aucun document n’est rattaché à cet avenant.</p>
          )}
        </Section>
      </div>
    </>
  );
}
