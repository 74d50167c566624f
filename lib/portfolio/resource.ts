// Which regions' portfolios the actor follows ("portfolio.read"), and which of their contracts,
// as SQL conditions mirroring lib/authz's grants: an ARS officer their region's (a délégation
// départementale only its départements' territories), national readers and administrators every
// region's. The portfolio reads them in one statement (./queries.ts); tests/integration's
// delegations test holds them to `can` on every demo contract.
import { grantsOf, type Actor } from "@/lib/authz";
import { Prisma } from "@/lib/db/generated/client";

type Grant = ReturnType<typeof grantsOf>[number];

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

/** The regions whose portfolio the actor may open, the region picker's choices: a condition over a "Region" row named `r`. */
export function portfolioRegionsSql(actor: Actor): Prisma.Sql {
  const regions = grantedRegions(actor);
  if (regions === "all") return Prisma.sql`true`;
  return regions.length ? Prisma.sql`r.id = ANY(${regions}::uuid[])` : Prisma.sql`false`;
}

/** One grant of "portfolio.read" over a "Territory" row named `t`; a scope added to the rules fails to compile here until mapped. */
function territoryGrantSql({ scope, membership }: Grant): Prisma.Sql {
  switch (scope) {
    case "everywhere":
      return Prisma.sql`true`;
    case "region": {
      if (!membership?.regionId) return Prisma.sql`false`;
      const delegated = membership.departmentCodes ?? [];
      return delegated.length
        ? Prisma.sql`(t."regionId" = ${membership.regionId}::uuid AND t."departmentCodes" && ${[...delegated]}::text[])`
        : Prisma.sql`t."regionId" = ${membership.regionId}::uuid`;
    }
    case "territory":
      return membership?.territoryId ? Prisma.sql`t.id = ${membership.territoryId}::uuid` : Prisma.sql`false`;
    // No portfolio through a contract, a fiche or an organisation.
    case "signedIn":
    case "partnerOrganisation":
    case "pilotedFiche":
    case "organisation":
    case "self":
      return Prisma.sql`false`;
  }
}

/** The territories whose contracts are in the actor's portfolios: a condition over a "Territory" row named `t`, false without a grant. */
export function portfolioTerritoriesSql(actor: Actor): Prisma.Sql {
  const grants = grantsOf(actor, "portfolio.read").map(territoryGrantSql);
  return grants.length ? Prisma.sql`(${Prisma.join(grants, " OR ")})` : Prisma.sql`false`;
}
