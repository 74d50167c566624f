// Territory workspaces: who may enter which, and what the workspace home shows. A territory's
// members and its region's ARS see all its contracts; a partner only those it may read
// (./resource.ts), and enters a territory only through one of them.
import { can, NotFoundError, type Actor } from "@/lib/authz";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import type { ListParams } from "@/lib/params/list-params";
import { pageOfTerritories, type RegionFacet } from "@/lib/territories/paging";
import {
  canReadContract,
  contractAccessSelect,
  enterableTerritories,
  readableContracts,
  territoryResource,
  type TerritoryScope,
} from "./resource";

function workspaceSelect(actor: Actor) {
  return {
    id: true,
    slug: true,
    name: true,
    kind: true,
    regionId: true,
    departmentCodes: true,
    region: { select: { name: true } },
    contracts: {
      where: readableContracts(actor),
      orderBy: { generation: "desc" },
      select: {
        ...contractAccessSelect(actor),
        id: true,
        title: true,
        generation: true,
        signedOn: true,
        updatedAt: true,
        declaredFicheCount: true,
        _count: { select: { axes: true, fiches: { where: { deletedAt: null } } } },
      },
    },
  } satisfies Prisma.TerritorySelect;
}

export type Workspace = Prisma.TerritoryGetPayload<{ select: ReturnType<typeof workspaceSelect> }>;

/** The territory with the contracts the actor may read, if it may enter: as a member of its territory or region, or through one of them. */
function entered<T extends TerritoryScope & { contracts: Parameters<typeof canReadContract>[2][] }>(actor: Actor, territory: T): T | null {
  // The SQL filter mirrors the rules; `can` stays the authority.
  const contracts = territory.contracts.filter((contract) => canReadContract(actor, territory, contract));
  if (!can(actor, "workspace.read", territoryResource(territory)) && contracts.length === 0) return null;
  return { ...territory, contracts };
}

/** The territory's workspace, or a NotFoundError when it does not exist or the actor may not enter it. */
export async function getWorkspace(actor: Actor, slug: string): Promise<Workspace> {
  const territory = await getDb().territory.findUnique({ relationLoadStrategy: "join", where: { slug }, select: workspaceSelect(actor) });
  const workspace = territory && entered(actor, territory);
  if (!workspace) throw new NotFoundError();
  return workspace;
}

export type WorkspaceList = {
  entries: Array<{ id: string; slug: string; name: string; region: { name: string } }>;
  /** Territories the actor may enter that the filter selects, over every page. */
  total: number;
  /** Regions of the territories the actor may enter, with how many, for the filter. */
  regions: RegionFacet[];
};

/** A page of the territories whose workspace the actor may enter, filtered in SQL by the actor's memberships: four queries whatever the data. */
export async function listWorkspaces(actor: Actor, params: ListParams): Promise<WorkspaceList> {
  if (!actor.userId) return { entries: [], total: 0, regions: [] };
  const db = getDb();
  const orderBy = [{ name: "asc" }, { id: "asc" }] satisfies Prisma.TerritoryOrderByWithRelationInput[];
  const { ids, total, regions } = await pageOfTerritories(db, enterableTerritories(actor), orderBy, params);
  const territories = await db.territory.findMany({
    relationLoadStrategy: "join",
    where: { id: { in: ids } },
    orderBy,
    select: {
      id: true,
      slug: true,
      name: true,
      regionId: true,
      departmentCodes: true,
      region: { select: { name: true } },
      contracts: { where: readableContracts(actor), select: contractAccessSelect(actor) },
    },
  });
  const entries = territories.flatMap((territory) => {
    const workspace = entered(actor, territory);
    return workspace ? [{ id: workspace.id, slug: workspace.slug, name: workspace.name, region: workspace.region }] : [];
  });
  return { entries, total, regions };
}
