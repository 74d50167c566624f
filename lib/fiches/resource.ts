// The scope keys authorization reads of a fiche (lib/authz): its territory, its region, and its
// pilot account (a contributor edits the fiches they pilot).
import { NotFoundError } from "@/lib/authz";
import type { Db } from "@/lib/db/client";

/** The scope keys of a fiche, trashed or not; a NotFoundError when there is no such fiche. */
export async function loadFicheResource(db: Db, ficheId: string) {
  const fiche = await db.ficheAction.findUnique({
    where: { id: ficheId },
    select: { pilotUserId: true, contract: { select: { territory: { select: { id: true, regionId: true } } } } },
  });
  if (!fiche) throw new NotFoundError();
  return { territoryId: fiche.contract.territory.id, regionId: fiche.contract.territory.regionId, pilotUserId: fiche.pilotUserId };
}
