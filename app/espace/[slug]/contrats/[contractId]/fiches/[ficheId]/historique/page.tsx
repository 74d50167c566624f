import { FicheHeader } from "@/components/fiches/fiche-header";
import { FieldChangesTable } from "@/components/ui/field-changes-table";
import type { Metadata } from "next";
import { loadAuthorized } from "@/lib/auth/require";
import { auditActionLabel } from "@/lib/audit/labels";
import { getFicheHistory } from "@/lib/fiches/queries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Historique de la fiche" };

type Props = { params: Promise<{ slug: string; contractId: string; ficheId: string }> };

export default async function FicheHistoryPage({ params }: Props) {
  const { slug, contractId, ficheId } = await params;
  const { data } = await loadAuthorized(
    `/espace/${slug}/contrats/${contractId}/fiches/${ficheId}/historique`,
    { slug, contractId, ficheId },
    (actor) => getFicheHistory(actor, slug, contractId, ficheId),
  );
  const { fiche, changes } = data;
  return (
    <>
      <FicheHeader fiche={fiche} contract={fiche.contract} indicators={fiche._count.indicators} current="historique" />
      <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        {changes.length ? (
          <ol aria-label="Modifications de la fiche" className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {changes.map((change, index) => (
              <li key={index} className="p-4 sm:p-5">
                <p className="text-slate-900">
                  <span className="font-semibold">{auditActionLabel(change.action)}</span>
                  {change.subject ? ` (${change.subject})` : ""} le {change.at} par {change.by}
                </p>
                {change.fields.length ? (
                  <div className="mt-3">
                    <FieldChangesTable changes={change.fields} />
                  </div>
                ) : null}
              </li>
            ))}
          </ol>
        ) : (
          <p className="text-slate-700">Aucune modification enregistrée.</p>
        )}
      </div>
    </>
  );
}
