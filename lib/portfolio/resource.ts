// Which regions' portfolios the actor follows ("portfolio.read"), as SQL filters mirroring
// lib/authz's grants: an ARS officer their region's, national readers and administrators every
// region's. The contracts themselves (délégations départementales included) are filtered by
// lib/workspaces/resource.ts's portfolioContracts, beside the other grants' SQL mirrors.
import { grantsOf, type Actor } from "@/lib/authz";
import type { Prisma } from "@/lib/db/generated/client";

const NOTHING = { id: { in: [] } } satisfies Prisma.ContractWhereInput & Prisma.RegionWhereInput;

/** Region ids the actor's grants name, or "all" for an unconditional grant. */
function grantedRegions(actor: Actor): string[] | "all" {
  const regionIds: string[] = [];
  for (const { scope, membership } of grantsOf(actor, "portfolio.read")) {
    if (scope === "everywhere") return "all";
    if (scope === "region" && membership?.regionId) regionIds.push(membership.regionId);
  }
  return regionIds;
}

/** Whether the actor follows any portfolio at all (the page and its navigation link). */
export function followsPortfolio(actor: Actor): boolean {
  const regions = grantedRegions(actor);
  return regions === "all" || regions.length > 0;
}

/** The regions whose portfolio the actor may open: the region picker's choices. */
export function portfolioRegions(actor: Actor): Prisma.RegionWhereInput {
  const regions = grantedRegions(actor);
  if (regions === "all") return {};
  return regions.length ? { id: { in: regions } } : NOTHING;
}
