// The amendment page's « Signature » section. Once the agency's opinion is favourable, each
// signatory of the contract signs the amendment: the coordinators record who signed for it, when,
// and the deliberation that empowered them; once all have signed, they record the amendment's
// signature, a step of its own because it cannot be taken back (the fiches it closes are closed,
// the contract as amended is frozen). A signed amendment lists its signatures.
import Link from "next/link";
import type { ReactNode } from "react";
import { ConfirmActionButton } from "@/components/forms/confirm-action-button";
import { Badge } from "@/components/ui/badge";
import { Disclosure } from "@/components/ui/disclosure";
import type { ServerAction } from "@/lib/actions/server-action";
import { amendmentLabel } from "@/lib/amendments/labels";
import type { AmendmentSignatureView } from "@/lib/amendments/selects";
import { formatDate } from "@/lib/format";
import { dateInputValue } from "@/lib/validation/fields";
import { AmendmentSignatureForm } from "./amendment-forms";

type Signatory = { organisationId: string; signerName: string | null; signerTitle: string | null; organisation: { name: string } };

/** « Camille Martin, directrice · délibération DEL-2026-04 du 2 mars 2026 ». */
function signatureDetail(signature: AmendmentSignatureView): string | null {
  const person = [signature.signerName, signature.signerTitle].filter(Boolean).join(", ");
  const deliberation = signature.deliberationReference
    ? `délibération ${signature.deliberationReference}${signature.deliberationDate ? ` du ${formatDate(signature.deliberationDate)}` : ""}`
    : signature.deliberationDate
      ? `délibération du ${formatDate(signature.deliberationDate)}`
      : null;
  return [person, deliberation].filter(Boolean).join(" · ") || null;
}

/** The signatures of a signed amendment, or of one being signed, one card per signatory. */
function SignatureList({
  rows,
  form,
}: {
  rows: ReadonlyArray<{ organisationId: string; name: string; signatory: Signatory | null; signature: AmendmentSignatureView | null }>;
  /** The form of a row's signature, while signatures are recorded. */
  form?: (row: { organisationId: string; name: string; signatory: Signatory; signature: AmendmentSignatureView | null }) => ReactNode;
}) {
  return (
    <ol className="space-y-3" aria-label="Signatures des signataires">
      {rows.map((row) => {
        const detail = row.signature ? signatureDetail(row.signature) : null;
        return (
          <li key={row.organisationId} className="rounded-md border border-slate-200 p-4">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <h3 className="font-semibold text-slate-900">{row.name}</h3>
              {row.signature ? (
                <Badge tone="success">Signé le {formatDate(row.signature.signedOn)}</Badge>
              ) : (
                <Badge tone="warning">Signature attendue</Badge>
              )}
            </div>
            {detail ? <p className="mt-1 text-sm text-slate-700">{detail}</p> : null}
            {row.signatory ? null : <p className="mt-1 text-sm text-slate-600">Ne figure plus parmi les signataires du contrat.</p>}
            {form && row.signatory ? form({ ...row, signatory: row.signatory }) : null}
          </li>
        );
      })}
    </ol>
  );
}

export function AmendmentSignatures({
  amendment,
  signatories,
  opinionOn,
  contractFormPath,
  actions,
}: {
  amendment: { id: string; number: number; version: number; status: string; signedOn: Date | null; signatures: AmendmentSignatureView[] };
  /** The contract's signatories, in their order. */
  signatories: readonly Signatory[];
  /** The day of the agency's favourable opinion; null while awaited. */
  opinionOn: Date | null;
  contractFormPath: string;
  /** The coordinators' actions, while the amendment is a draft they may sign. */
  actions: { record: ServerAction<null>; sign: ServerAction<null> } | null;
}) {
  const label = amendmentLabel(amendment.number).toLowerCase();
  const signed = amendment.status === "signed";
  if (signed && !amendment.signatures.length)
    return (
      <p className="text-slate-700">
        Signé le {formatDate(amendment.signedOn!)}. Les signatures de chaque signataire n’ont pas été enregistrées&#8239;: l’avenant a été
        signé avant qu’elles le soient une à une.
      </p>
    );
  const byOrganisation = new Map(amendment.signatures.map((signature) => [signature.organisationId, signature]));
  const listed = new Set(signatories.map((signatory) => signatory.organisationId));
  const rows = [
    ...signatories.map((signatory) => ({
      organisationId: signatory.organisationId,
      name: signatory.organisation.name,
      signatory,
      signature: byOrganisation.get(signatory.organisationId) ?? null,
    })),
    // A signature of an organisation taken out of the contract's signatories since: it signed all the same.
    ...amendment.signatures
      .filter((signature) => !listed.has(signature.organisationId))
      .map((signature) => ({ organisationId: signature.organisationId, name: signature.organisation.name, signatory: null, signature })),
  ];
  if (signed) return <SignatureList rows={rows} />;
  if (!opinionOn || !actions)
    return <p className="text-slate-700">L’avis favorable de l’ARS est attendu avant d’enregistrer la signature de l’avenant.</p>;

  const missing = rows.filter((row) => row.signatory && !row.signature);
  const lastDay = amendment.signatures.reduce<Date | null>(
    (last, signature) => (!last || signature.signedOn > last ? signature.signedOn : last),
    null,
  );
  return (
    <div className="space-y-5">
      <p className="text-slate-700">
        L’ARS a rendu un avis favorable le {formatDate(opinionOn)}. Enregistrez la signature de chaque signataire du contrat, avec la
        délibération qui l’y autorise, puis celle de l’avenant.
      </p>
      {rows.length ? (
        <SignatureList
          rows={rows}
          form={(row) => (
            <Disclosure
              className="mt-3"
              summary={row.signature ? `Modifier la signature de ${row.name}` : `Enregistrer la signature de ${row.name}`}
            >
              <div className="mt-3">
                <AmendmentSignatureForm
                  action={actions.record}
                  amendmentId={amendment.id}
                  organisation={{ id: row.organisationId, name: row.name }}
                  values={{
                    version: row.signature?.version ?? 0,
                    signerName: row.signature ? (row.signature.signerName ?? "") : (row.signatory.signerName ?? ""),
                    signerTitle: row.signature ? (row.signature.signerTitle ?? "") : (row.signatory.signerTitle ?? ""),
                    signedOn: dateInputValue(row.signature?.signedOn),
                    deliberationReference: row.signature?.deliberationReference ?? "",
                    deliberationDate: dateInputValue(row.signature?.deliberationDate),
                  }}
                />
              </div>
            </Disclosure>
          )}
        />
      ) : (
        <p className="text-slate-700">
          Le contrat ne nomme aucun signataire&#8239;: <Link href={contractFormPath}>ajoutez-les dans son formulaire</Link>, puis
          enregistrez la signature de chacun.
        </p>
      )}
      <div className="border-t border-slate-200 pt-5">
        <h3 className="mb-2 font-semibold text-slate-900">Signature de l’avenant</h3>
        {missing.length || !lastDay ? (
          <p className="text-slate-700">
            {rows.length
              ? `Elle s’enregistre une fois que tous les signataires ont signé\u00a0: il manque la signature de ${missing.map((row) => row.name).join(", ")}.`
              : "Elle s’enregistre une fois que tous les signataires ont signé."}
          </p>
        ) : (
          <div className="space-y-3">
            <p className="text-slate-700">
              Tous les signataires ont signé. L’avenant prend la date de la dernière signature, le {formatDate(lastDay)}&#8239;: les fiches
              qu’il clôt le sont à cette date, et le contrat modifié est figé dans un instantané. Il ne change plus ensuite.
            </p>
            <ConfirmActionButton
              action={actions.sign}
              fields={{ amendmentId: amendment.id, version: String(amendment.version) }}
              label={`Enregistrer la signature de l’${label}`}
              question={`Enregistrer la signature de l’${label}, daté du ${formatDate(lastDay)}\u00a0?`}
              confirmLabel="Enregistrer la signature de l’avenant"
              confirmVariant="primary"
            />
          </div>
        )}
      </div>
    </div>
  );
}
