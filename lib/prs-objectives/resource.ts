// The scope keys authorization reads of a PRS objective: its region (the ARS that keeps the list).
import { NotFoundError, type Resource } from "@/lib/authz";
import type { Db } from "@/lib/db/client";

export async function loadRegionResource(db: Db, regionId: string): Promise<Resource> {
  const region = await db.region.findUnique({ where: { id: regionId }, select: { id: true } });
  if (!region) throw new NotFoundError();
  return { regionId: region.id };
}

export async function loadPrsObjectiveResource(db: Db, prsObjectiveId: string): Promise<Resource> {
  const objective = await db.prsObjective.findUnique({ where: { id: prsObjectiveId }, select: { regionId: true } });
  if (!objective) throw new NotFoundError();
  return { regionId: objective.regionId };
}
