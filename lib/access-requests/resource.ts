// Scope loaders of access requests: a request is managed by its territory's coordinators
// ("member.manage"); asking targets a territory, whose scope is read here too.
import { NotFoundError, type Resource } from "@/lib/authz";
import type { Db } from "@/lib/db/client";
import { TERRITORY_SCOPE_SELECT, territoryResource } from "@/lib/workspaces/resource";

/** The territory a request is sent to, as authorization reads it. */
export async function loadAccessRequestResource(db: Db, requestId: string): Promise<Resource> {
  const request = await db.accessRequest.findUnique({
    where: { id: requestId },
    select: { territory: { select: TERRITORY_SCOPE_SELECT } },
  });
  if (!request) throw new NotFoundError();
  return territoryResource(request.territory);
}

/** The territory an agent asks to join; an unknown territory is not found. */
export async function loadRequestedTerritoryResource(db: Db, territoryId: string): Promise<Resource> {
  const territory = await db.territory.findUnique({ where: { id: territoryId }, select: TERRITORY_SCOPE_SELECT });
  if (!territory) throw new NotFoundError();
  return territoryResource(territory);
}
