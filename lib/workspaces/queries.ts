// Territory workspaces: who may enter which, and what the workspace home shows.
import { assertCan, can, NotFoundError, type Actor, type Resource } from "@/lib/authz";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

const partiesSelect = {
  signatories: { select: { organisationId: true } },
  partners: { select: { organisationId: true } },
} satisfies Prisma.ContractSelect;

type WithParties = { regionId: string; id: string; contracts: Array<Prisma.ContractGetPayload<{ select: typeof partiesSelect }>> };

/** The scope keys of a territory for authorization: its region, itself, the organisations of its contracts. */
export function territoryResource(territory: WithParties): Resource {
  return {
    regionId: territory.regionId,
    territoryId: territory.id,
    partnerOrganisationIds: territory.contracts.flatMap((contract) => [...contract.signatories, ...contract.partners].map((party) => party.organisationId)),
  };
}

const workspaceSelect = {
  id: true,
  slug: true,
  name: true,
  kind: true,
  regionId: true,
  region: { select: { name: true } },
  contracts: {
    orderBy: { generation: "desc" },
    select: {
      ...partiesSelect,
      id: true,
      title: true,
      generation: true,
      status: true,
      visibility: true,
      signedOn: true,
      updatedAt: true,
      declaredFicheCount: true,
      _count: { select: { axes: true, fiches: { where: { deletedAt: null } } } },
    },
  },
} satisfies Prisma.TerritorySelect;

export type Workspace = Prisma.TerritoryGetPayload<{ select: typeof workspaceSelect }>;

/** The territory's workspace, or a NotFoundError when it does not exist or the actor may not enter it. */
export async function findWorkspace(actor: Actor, slug: string): Promise<Workspace> {
  const territory = await getDb().territory.findUnique({ relationLoadStrategy: "join", where: { slug }, select: workspaceSelect });
  if (!territory) throw new NotFoundError();
  assertCan(actor, "workspace.read", territoryResource(territory));
  return territory;
}

/** Territories whose workspace the actor may enter, filtered in SQL by the actor's memberships. */
export async function listWorkspaces(actor: Actor) {
  if (!actor.userId) return [];
  const ids = (role: string, key: "regionId" | "territoryId" | "organisationId") =>
    actor.memberships.filter((m) => m.role === role && m[key]).map((m) => m[key]!);
  const isAdmin = actor.memberships.some((m) => m.role === "platform_admin");
  const partnerOrganisations = ids("partner", "organisationId");
  const where: Prisma.TerritoryWhereInput = isAdmin
    ? {}
    : {
        OR: [
          { id: { in: [...ids("coordinator", "territoryId"), ...ids("contributor", "territoryId")] } },
          { regionId: { in: ids("ars_officer", "regionId") } },
          {
            contracts: {
              some: {
                OR: [
                  { signatories: { some: { organisationId: { in: partnerOrganisations } } } },
                  { partners: { some: { organisationId: { in: partnerOrganisations } } } },
                ],
              },
            },
          },
        ],
      };
  const territories = await getDb().territory.findMany({
    relationLoadStrategy: "join",
    where,
    orderBy: { name: "asc" },
    select: { id: true, slug: true, name: true, regionId: true, region: { select: { name: true } }, contracts: { select: partiesSelect } },
  });
  // The SQL filter mirrors the rules; `can` stays the authority.
  return territories.filter((territory) => can(actor, "workspace.read", territoryResource(territory)));
}
