// A list of a contract's documents as links: each with its kind and date, its title leading to its
// file (downloaded) or its web address, and what the reader needs to know before following it.
// The public page's documents, an amendment's documents in the workspace and on the public page.
import { Badge } from "@/components/ui/badge";
import { documentTarget } from "@/lib/contracts/documents";
import { DOCUMENT_KIND_LABELS } from "@/lib/contracts/labels";
import type { DatePrecision, DocumentKind } from "@/lib/db/generated/enums";
import { formatDate } from "@/lib/format";

export type LinkedDocument = Parameters<typeof documentTarget>[0] & {
  kind: DocumentKind;
  title: string;
  issuedOn: Date | null;
  issuedPrecision: DatePrecision;
  isPublic?: boolean;
};

export function DocumentLinks({
  documents,
  href,
  label,
  showVisibility = false,
}: {
  documents: readonly LinkedDocument[];
  /** The download address of a document's file. */
  href: (documentId: string) => string;
  label?: string;
  /** Whether each says if the public page shows it (the workspace's lists). */
  showVisibility?: boolean;
}) {
  return (
    <ul className="space-y-3" aria-label={label}>
      {documents.map((document) => {
        const target = documentTarget(document, href);
        return (
          <li key={document.id} className="flex flex-col gap-1 border-l-2 border-brand-600 pl-4">
            <span className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
              <span>
                {DOCUMENT_KIND_LABELS[document.kind]}
                {document.issuedOn ? ` · ${formatDate(document.issuedOn, document.issuedPrecision)}` : ""}
              </span>
              {showVisibility ? (
                document.isPublic ? (
                  <Badge tone="success">Public</Badge>
                ) : (
                  <Badge>Espace de travail seulement</Badge>
                )
              ) : null}
            </span>
            <span className="break-words text-slate-900">
              {target ? (
                <>
                  <a href={target.href} {...(target.file ? { download: "" } : { rel: "noopener noreferrer" })}>
                    {document.title}
                  </a>{" "}
                  <span className="text-sm text-slate-600">({target.detail})</span>
                </>
              ) : (
                document.title
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
