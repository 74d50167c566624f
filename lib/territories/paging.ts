// A page of territories, for the lists that show them 24 at a time with a region filter (the
// home page's directory, Mon espace): the page's ids, how many the filter keeps, and the regions
// with how many of their territories the list holds.
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { pageWindow, type ListParams } from "@/lib/params/list-params";

/** A region in a list's filter, with how many of its territories the list holds. */
export type RegionFacet = { slug: string; code: string; name: string; territories: number };

/**
 * Three queries whatever the data. Only the page's ids are read here: joined at once with their
 * contracts and counts, the sort would make PostgreSQL compute them for every territory before
 * cutting the page. The caller reads those rows with what it shows (`where: { id: { in: ids } }`).
 */
export async function pageOfTerritories(
  db: Db,
  listed: Prisma.TerritoryWhereInput,
  orderBy: Prisma.TerritoryOrderByWithRelationInput[],
  { page, region, departement }: ListParams & { departement?: string },
): Promise<{ ids: string[]; total: number; regions: RegionFacet[] }> {
  const where = {
    AND: [listed, region ? { region: { slug: region } } : {}, departement ? { departmentCodes: { has: departement } } : {}],
  } satisfies Prisma.TerritoryWhereInput;
  const [rows, total, regions] = await Promise.all([
    db.territory.findMany({ where, orderBy, ...pageWindow(page), select: { id: true } }),
    db.territory.count({ where }),
    db.region.findMany({
      where: { territories: { some: listed } },
      orderBy: { name: "asc" },
      select: { slug: true, inseeCode: true, name: true, _count: { select: { territories: { where: listed } } } },
    }),
  ]);
  return {
    ids: rows.map((row) => row.id),
    total,
    regions: regions.map(({ slug, inseeCode, name, _count }) => ({ slug, code: inseeCode, name, territories: _count.territories })),
  };
}
