// The scope keys authorization reads of a fiche's assessment in a campaign: the fiche's (its
// territory, region and pilot account), once the fiche is known to be live and to belong to the
// campaign's contract. Anything else is not found.
import { NotFoundError } from "@/lib/authz";
import type { Db } from "@/lib/db/client";
import { loadFicheResource } from "@/lib/fiches/resource";

export async function loadAssessmentResource(db: Db, { campaignId, ficheId }: { campaignId: string; ficheId: string }) {
  const fiche = await db.ficheAction.findFirst({
    where: { id: ficheId, deletedAt: null, contract: { campaigns: { some: { id: campaignId } } } },
    select: { id: true },
  });
  if (!fiche) throw new NotFoundError();
  return loadFicheResource(db, ficheId);
}
