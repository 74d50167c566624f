// Who follows which contracts in the portfolio ("portfolio.read"), as SQL filters mirroring
// lib/authz's grants: an ARS officer their region's, a platform administrator every region's.
// Helper "geo" adds the national reader and délégations départementales and exports its own
// `portfolioContracts(actor)` from lib/workspaces/resource.ts: this one is swapped for it.
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

/** The contracts the actor follows in the portfolio, as a SQL filter (`can` stays the authority). */
export function portfolioContracts(actor: Actor): Prisma.ContractWhereInput {
  const regions = grantedRegions(actor);
  if (regions === "all") return {};
  return regions.length ? { territory: { regionId: { in: regions } } } : NOTHING;
}

/** The regions whose portfolio the actor may open: the region picker's choices. */
export function portfolioRegions(actor: Actor): Prisma.RegionWhereInput {
  const regions = grantedRegions(actor);
  if (regions === "all") return {};
  return regions.length ? { id: { in: regions } } : NOTHING;
}
