// Reads for membership management: a territory's members, pending invitations and pending
// access requests, one query.
import { pendingAccessRequestSelect } from "@/lib/access-requests/selects";
import { assertCan, NotFoundError, type Actor } from "@/lib/authz";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { territoryResource } from "@/lib/workspaces/resource";

/** Pending access requests the members page lists at most. */
export const PENDING_ACCESS_REQUESTS_SHOWN = 100;

const membersSelect = {
  id: true,
  slug: true,
  name: true,
  regionId: true,
  departmentCodes: true,
  memberships: {
    orderBy: [{ role: "asc" }, { user: { email: "asc" } }],
    select: {
      id: true,
      role: true,
      version: true,
      createdAt: true,
      user: { select: { id: true, email: true, name: true } },
      organisation: { select: { name: true } },
    },
  },
  invitations: {
    where: { acceptedAt: null, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      email: true,
      role: true,
      version: true,
      createdAt: true,
      expiresAt: true,
      invitedBy: { select: { email: true, name: true } },
      organisation: { select: { name: true } },
    },
  },
  // Oldest first: whoever asked first is answered first. Bounded: a territory has a few dozen partners.
  accessRequests: {
    where: { status: "pending" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: PENDING_ACCESS_REQUESTS_SHOWN,
    select: pendingAccessRequestSelect,
  },
  _count: { select: { accessRequests: { where: { status: "pending" } } } },
} satisfies Prisma.TerritorySelect;

export type TerritoryMembers = Prisma.TerritoryGetPayload<{ select: typeof membersSelect }>;

/** The territory's members, pending invitations and access requests, for those who may manage them. */
export async function getTerritoryMembers(actor: Actor, slug: string): Promise<TerritoryMembers> {
  const territory = await getDb().territory.findUnique({ relationLoadStrategy: "join", where: { slug }, select: membersSelect });
  if (!territory) throw new NotFoundError();
  assertCan(actor, "member.manage", territoryResource(territory));
  return territory;
}
