// The scope keys authorization reads of a fiche (lib/authz): its territory, its region, and its
// pilot account (a contributor edits the fiches they pilot).
import { NotFoundError } from "@/lib/authz";
import type { Db } from "@/lib/db/client";
import { TERRITORY_SCOPE_SELECT, territoryResource } from "@/lib/workspaces/resource";

/** The scope keys of a fiche, trashed or not; a NotFoundError when there is no such fiche. */
export async function loadFicheResource(db: Db, ficheId: string) {
  const fiche = await db.ficheAction.findUnique({
    where: { id: ficheId },
    select: { pilotUserId: true, contract: { select: { territory: { select: TERRITORY_SCOPE_SELECT } } } },
  });
  if (!fiche) throw new NotFoundError();
  return { ...territoryResource(fiche.contract.territory), pilotUserId: fiche.pilotUserId };
}
