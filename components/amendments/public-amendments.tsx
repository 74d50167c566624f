// The public page's history of a contract's signed amendments: number, date, purpose, who signed
// it and when, its public documents, and what each changed, as the public may read it
// (lib/amendments/diff.ts `publicDiff`: no confidential fiche or withheld field).
import { DocumentLinks } from "@/components/documents/document-links";
import { Section } from "@/components/ui/section";
import { amendmentLabel, signatureSigner } from "@/lib/amendments/labels";
import type { PublicAmendment } from "@/lib/amendments/queries";
import { formatDate } from "@/lib/format";
import { AmendmentDiff } from "./amendment-diff";

export function PublicAmendments({
  amendments,
  ficheHref,
  documentHref,
}: {
  amendments: readonly PublicAmendment[];
  ficheHref: (number: number) => string;
  /** The download address of a public document's file. */
  documentHref: (documentId: string) => string;
}) {
  if (!amendments.length) return null;
  const last = amendments.at(-1)!;
  return (
    <Section
      id="avenants"
      title={`Avenants (${amendments.length})`}
      description={`Le contrat présenté sur cette page est le contrat tel que modifié par l’${amendmentLabel(last.number).toLowerCase()}, signé le ${formatDate(last.signedOn)}.`}
    >
      <ol className="space-y-4" aria-label="Historique des avenants">
        {amendments.map((amendment) => (
          <li key={amendment.number} className="rounded-md border border-slate-200 p-4 sm:p-5">
            <h3 className="text-lg font-semibold text-slate-900">
              {amendmentLabel(amendment.number)}, signé le {formatDate(amendment.signedOn)}
            </h3>
            <p className="mt-1 whitespace-pre-line text-slate-800">{amendment.purpose}</p>
            {amendment.signatures.length ? (
              <div className="mt-3">
                <h4 className="font-semibold text-slate-900">Signataires</h4>
                <ul
                  className="mt-1 list-disc space-y-1 pl-6 text-slate-800"
                  aria-label={`Signataires de l’${amendmentLabel(amendment.number).toLowerCase()}`}
                >
                  {amendment.signatures.map((signature) => (
                    <li key={signature.organisation}>
                      {signatureSigner({ ...signature, organisation: { name: signature.organisation } })}, le{" "}
                      {formatDate(signature.signedOn)}
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            {amendment.documents.length ? (
              <div className="mt-3">
                <h4 className="mb-2 font-semibold text-slate-900">Documents</h4>
                <DocumentLinks
                  documents={amendment.documents}
                  href={documentHref}
                  label={`Documents de l’${amendmentLabel(amendment.number).toLowerCase()}`}
                />
              </div>
            ) : null}
            <div className="mt-3">
              <AmendmentDiff
                level={4}
                diff={amendment.diff}
                detailed
                ficheHref={(fiche) => ficheHref(fiche.number)}
                empty="Cet avenant ne change rien de ce que la page publique présente."
              />
            </div>
          </li>
        ))}
      </ol>
    </Section>
  );
}
