import { FicheHeader } from "@/components/fiches/fiche-header";
import { ChangeList } from "@/components/audit/change-list";
import type { Metadata } from "next";
import { loadAuthorized } from "@/lib/auth/require";
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
        <ChangeList changes={changes} label="Modifications de la fiche" empty="Aucune modification enregistrée." boxed />
      </div>
    </>
  );
}
