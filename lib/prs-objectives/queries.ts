// The list a region's ARS keeps: its PRS objectives, with how many fiches name each.
import { can, NotFoundError, type Actor } from "@/lib/authz";
import { getDb } from "@/lib/db/client";
import { byPrsOrder } from "./labels";

/** The regions whose list the actor keeps, and the one asked (else the first) with its objectives: two statements. */
export async function getPrsObjectiveList(actor: Actor, regionSlug: string | undefined) {
  const db = getDb();
  const regions = (await db.region.findMany({ orderBy: { name: "asc" }, select: { id: true, slug: true, name: true } })).filter((region) =>
    can(actor, "prsObjective.manage", { regionId: region.id }),
  );
  const region = regions.find((candidate) => candidate.slug === regionSlug) ?? regions[0];
  if (!region || (regionSlug && region.slug !== regionSlug)) throw new NotFoundError();
  const objectives = await db.prsObjective.findMany({
    where: { regionId: region.id },
    select: {
      id: true,
      code: true,
      label: true,
      archivedAt: true,
      version: true,
      _count: { select: { fiches: { where: { deletedAt: null } } } },
    },
  });
  objectives.sort((a, b) => Number(Boolean(a.archivedAt)) - Number(Boolean(b.archivedAt)) || byPrsOrder(a, b));
  return { regions, region, objectives };
}

export type PrsObjectiveRow = Awaited<ReturnType<typeof getPrsObjectiveList>>["objectives"][number];
