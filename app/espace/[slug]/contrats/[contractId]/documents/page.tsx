import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { DocumentForm, NewDocumentForm, type DocumentFormValues } from "@/components/documents/document-form";
import { ConfirmActionButton } from "@/components/forms/confirm-action-button";
import { Badge } from "@/components/ui/badge";
import { Disclosure } from "@/components/ui/disclosure";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { WorkspaceBreadcrumb } from "@/components/workspace/workspace-breadcrumb";
import { amendmentLabel } from "@/lib/amendments/labels";
import { loadAuthorized } from "@/lib/auth/require";
import { formValuesOf } from "@/lib/catalogue";
import { documentLink } from "@/lib/contracts/documents";
import { DOCUMENT_KIND_LABELS } from "@/lib/contracts/labels";
import { fileTypeLabel } from "@/lib/documents/file-types";
import { workspaceDocumentPath } from "@/lib/documents/paths";
import { getContractDocuments } from "@/lib/documents/queries";
import { DOCUMENT_FIELDS } from "@/lib/documents/schema";
import type { DocumentSummary } from "@/lib/documents/selects";
import { formatDate, formatFileSize, formatNumber } from "@/lib/format";
import { MEETING_KIND_SHORT_LABELS } from "@/lib/meetings/labels";
import { createDocumentAction, deleteDocumentAction, removeDocumentFileAction, updateDocumentAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; contractId: string }> };

const load = cache((slug: string, contractId: string) =>
  loadAuthorized(`/espace/${slug}/contrats/${contractId}/documents`, { slug, contractId }, (actor) =>
    getContractDocuments(actor, slug, contractId),
  ),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, contractId } = await params;
  return { title: `Documents · ${(await load(slug, contractId)).data.contract.title}` };
}

const formValues = (document: DocumentSummary): DocumentFormValues => ({
  ...formValuesOf(DOCUMENT_FIELDS, document),
  isPublic: document.isPublic,
});

const BLANK: DocumentFormValues = { ...formValuesOf(DOCUMENT_FIELDS, null), isPublic: false };

const fileDescription = (file: NonNullable<DocumentSummary["file"]>) =>
  `${file.originalName} (${fileTypeLabel(file.mediaType)}, ${formatFileSize(file.sizeBytes)})`;

export default async function DocumentsPage({ params }: Props) {
  const { slug, contractId } = await params;
  const { data } = await load(slug, contractId);
  const { contract, documents, amendments, total, editable, maxBytes } = data;
  const fileHref = (documentId: string) => workspaceDocumentPath(contract.territory.slug, contract.id, documentId);
  const amendmentPath = (amendmentId: string) => `/espace/${contract.territory.slug}/contrats/${contract.id}/avenants/${amendmentId}`;
  // The amendments a document may belong to, for its form.
  const amendmentOptions = amendments.map((amendment) => ({
    value: amendment.id,
    label: `${amendmentLabel(amendment.number)} (${amendment.signedOn ? `signé le ${formatDate(amendment.signedOn)}` : "en préparation"})`,
  }));

  return (
    <>
      <PageHeader
        title="Documents"
        eyebrow={<WorkspaceBreadcrumb territory={contract.territory} contract={contract} current="Documents" />}
      >
        <p>
          Le contrat signé, ses avenants, les délibérations, le diagnostic, les comptes rendus&#8239;: déposés ici comme fichiers, ou par
          leur adresse web. Ceux qui sont marqués publics paraissent sur la{" "}
          <Link href={`/territoires/${contract.territory.slug}`}>page publique du territoire</Link> une fois le contrat publié.
        </p>
      </PageHeader>
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
        <Section
          id="documents"
          title={`Documents (${formatNumber(total)})`}
          description={
            total > documents.length ? (
              <p>
                Les {formatNumber(documents.length)} premiers documents sur {formatNumber(total)}.
              </p>
            ) : null
          }
        >
          {documents.length ? (
            <ol className="space-y-4" aria-label="Documents du contrat, des plus anciens aux plus récents">
              {documents.map((document) => {
                const link = documentLink(document.url);
                const title = `«\u00a0${document.title}\u00a0»`;
                return (
                  <li key={document.id} className="rounded-md border border-slate-200 p-4 sm:p-5">
                    <h3 className="break-words font-semibold text-slate-900">{document.title}</h3>
                    <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
                      <span>
                        {DOCUMENT_KIND_LABELS[document.kind]}
                        {document.issuedOn ? ` · ${formatDate(document.issuedOn, document.issuedPrecision)}` : ""}
                        {document.meeting
                          ? ` · réunion ${MEETING_KIND_SHORT_LABELS[document.meeting.kind]} du ${formatDate(document.meeting.heldOn)}`
                          : ""}
                        {document.amendmentId && document.amendment ? (
                          <>
                            {" · "}
                            <Link href={amendmentPath(document.amendmentId)}>{amendmentLabel(document.amendment.number)}</Link>
                          </>
                        ) : null}
                      </span>
                      {document.isPublic ? <Badge tone="success">Public</Badge> : <Badge>Espace de travail seulement</Badge>}
                    </p>
                    <ul className="mt-3 space-y-1 text-sm">
                      {document.file ? (
                        <li>
                          <a href={fileHref(document.id)} download>
                            Télécharger {document.file.originalName}
                          </a>{" "}
                          <span className="text-slate-600">
                            ({fileTypeLabel(document.file.mediaType)}, {formatFileSize(document.file.sizeBytes)})
                          </span>
                        </li>
                      ) : null}
                      {document.url ? (
                        <li className="break-words">
                          Adresse web&#8239;:{" "}
                          {link ? (
                            <a href={link.href} rel="noopener noreferrer">
                              {link.href}
                            </a>
                          ) : (
                            document.url
                          )}
                        </li>
                      ) : null}
                      {!document.file && !document.url ? <li className="text-slate-600">Ni fichier ni adresse web.</li> : null}
                    </ul>
                    {editable ? (
                      <div className="mt-4 flex flex-wrap items-start gap-2 border-t border-slate-200 pt-4">
                        {document.file ? (
                          <ConfirmActionButton
                            action={removeDocumentFileAction}
                            fields={{ documentId: document.id, version: String(document.version) }}
                            label={`Retirer le fichier du document ${title}`}
                            question={`Retirer le fichier ${document.file.originalName} du document ${title}\u00a0?`}
                            confirmLabel="Retirer le fichier"
                          />
                        ) : null}
                        <ConfirmActionButton
                          action={deleteDocumentAction}
                          fields={{ documentId: document.id, version: String(document.version) }}
                          label={`Supprimer le document ${title}`}
                          question={`Supprimer le document ${title}${document.file ? " et son fichier" : ""}\u00a0?`}
                          confirmLabel="Supprimer"
                        />
                        <Disclosure className="w-full" summary={`Modifier le document ${title}`}>
                          <div className="mt-3 max-w-3xl">
                            <DocumentForm
                              // A saved version starts the form afresh: the file chosen is sent once.
                              key={document.version}
                              action={updateDocumentAction}
                              values={formValues(document)}
                              hidden={{ documentId: document.id, version: String(document.version) }}
                              maxBytes={maxBytes}
                              amendments={amendmentOptions}
                              currentFile={document.file ? fileDescription(document.file) : undefined}
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
            <p className="text-slate-700">Aucun document enregistré pour le moment.</p>
          )}
        </Section>

        {editable ? (
          <Section id="nouveau-document" title="Ajouter un document">
            <div className="max-w-3xl">
              <NewDocumentForm
                action={createDocumentAction}
                values={BLANK}
                hidden={{ contractId: contract.id }}
                maxBytes={maxBytes}
                amendments={amendmentOptions}
              />
            </div>
          </Section>
        ) : null}
      </div>
    </>
  );
}
