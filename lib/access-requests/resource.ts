// Scope loaders of access requests: a request is managed by its territory's coordinators
// ("member.manage"); asking targets a territory, whose scope is read here too.
import { NotFoundError, type Resource } from "@/lib/authz";
import type { Db } from "@/lib/db/client";

/** The territory a request is sent to, as authorization reads it. */
export async function loadAccessRequestResource(db: Db, requestId: string): Promise<Resource> {
  const request = await db.accessRequest.findUnique({
    where: { id: requestId },
    select: { territory: { select: { id: true, regionId: true } } },
  });
  if (!request) throw new NotFoundError();
  return { territoryId: request.territory.id, regionId: request.territory.regionId };
}

/** The territory an agent asks to join; an unknown territory is not found. */
export async function loadRequestedTerritoryResource(db: Db, territoryId: string): Promise<Resource> {
  const territory = await db.territory.findUnique({ where: { id: territoryId }, select: { id: true, regionId: true } });
  if (!territory) throw new NotFoundError();
  return { territoryId: territory.id, regionId: territory.regionId };
}
