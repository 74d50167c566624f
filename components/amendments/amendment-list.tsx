// The contract page's « Avenants » section: the contract as signed (its snapshot, or what stands
// in for it), as amended (by the last signed amendment), then each amendment with its
// differences in short, its page, and the contract as of it to download; coordinators prepare
// the next one here.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import type { ServerAction } from "@/lib/actions/server-action";
import { AMENDMENT_STATUS_LABELS, AMENDMENT_STATUS_TONES, amendmentLabel } from "@/lib/amendments/labels";
import type { AmendmentView, SnapshotFacts } from "@/lib/amendments/queries";
import { formatDate } from "@/lib/format";
import { AmendmentDiff } from "./amendment-diff";
import { NewAmendmentForm } from "./amendment-forms";

export function AmendmentList({
  contract,
  amendments,
  signature,
  editable,
  create,
}: {
  contract: { id: string; status: string; territory: { slug: string } };
  amendments: readonly AmendmentView[];
  signature: SnapshotFacts | null;
  editable: boolean;
  create: ServerAction<{ amendmentId: string }>;
}) {
  const base = `/espace/${contract.territory.slug}/contrats/${contract.id}/avenants`;
  const first = amendments[0];
  const lastSigned = amendments.filter((amendment) => amendment.status === "signed").at(-1);
  const drafting = amendments.some((amendment) => amendment.status === "draft");
  if (contract.status === "preparation")
    return <p className="text-slate-700">Le contrat n’est pas encore signé&#8239;: il change dans son projet, sans avenant.</p>;
  return (
    <div className="space-y-5">
      <dl className="grid gap-3 sm:grid-cols-2">
        <div className="rounded-md border border-slate-200 p-3">
          <dt className="text-sm text-slate-600">Contrat tel que signé</dt>
          <dd className="mt-0.5 text-slate-900">
            {signature
              ? `Figé à la signature, le ${formatDate(signature.createdAt)} (instantané n°\u00a0${signature.version}).`
              : first && !first.base.asSigned
                ? `Aucun instantané pris à la signature (contrat signé avant l’enregistrement des avenants)\u00a0: l’état du ${formatDate(first.base.createdAt)}, à la création de l’avenant n°\u00a01, en tient lieu.`
                : "Aucun instantané pris à la signature (contrat signé avant l’enregistrement des avenants)\u00a0: son état sera figé à la création du premier avenant."}
          </dd>
        </div>
        <div className="rounded-md border border-slate-200 p-3">
          <dt className="text-sm text-slate-600">Contrat tel que modifié</dt>
          <dd className="mt-0.5 text-slate-900">
            {lastSigned
              ? `Par l’${amendmentLabel(lastSigned.number).toLowerCase()}, signé le ${formatDate(lastSigned.signedOn!)}.`
              : "Aucun avenant signé."}
          </dd>
        </div>
      </dl>
      {amendments.length ? (
        <ol className="space-y-4" aria-label="Avenants du contrat">
          {amendments.map((amendment) => (
            <li key={amendment.id} className="rounded-md border border-slate-200 p-4 sm:p-5">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <h3 className="text-lg font-semibold text-slate-900">
                  <Link href={`${base}/${amendment.id}`}>{amendmentLabel(amendment.number)}</Link>
                </h3>
                <Badge tone={AMENDMENT_STATUS_TONES[amendment.status]}>{AMENDMENT_STATUS_LABELS[amendment.status]}</Badge>
                {amendment.signedOn ? <span className="text-sm text-slate-600">signé le {formatDate(amendment.signedOn)}</span> : null}
              </div>
              <p className="mt-1 whitespace-pre-line text-slate-800">{amendment.purpose}</p>
              <div className="mt-3">
                <AmendmentDiff level={4} diff={amendment.diff} detailed={false} />
              </div>
              {amendment.snapshot ? (
                <p className="mt-3 flex flex-wrap gap-4 text-sm">
                  <a href={`${base}/${amendment.id}/export.xlsx`} download>
                    Contrat modifié par l’{amendmentLabel(amendment.number).toLowerCase()} (.xlsx)
                  </a>
                  <a href={`${base}/${amendment.id}/export.pdf`} download>
                    Contrat modifié par l’{amendmentLabel(amendment.number).toLowerCase()} (PDF)
                  </a>
                </p>
              ) : null}
            </li>
          ))}
        </ol>
      ) : (
        <p className="text-slate-700">Aucun avenant pour le moment.</p>
      )}
      {editable && !drafting ? (
        <div className="border-t border-slate-200 pt-5">
          <h3 className="mb-3 font-semibold text-slate-900">Préparer un avenant</h3>
          <NewAmendmentForm action={create} contractId={contract.id} amendmentPath={base} />
        </div>
      ) : null}
    </div>
  );
}
