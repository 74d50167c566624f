// Who a user is to authorization: their memberships, loaded fresh each time so that a revoked
// role stops working at once; and, in the same query, their unread notifications for the header.
// No next-auth here: background jobs load actors too (lib/auth/session.ts reads the request's).
import { ANONYMOUS, type Actor } from "@/lib/authz";
import { getDb } from "@/lib/db/client";

export type SignedIn = { actor: Actor; unreadNotifications: number };

export const NOBODY: SignedIn = { actor: ANONYMOUS, unreadNotifications: 0 };

/** `sessionVersion`: the version the session was issued with; omitted for trusted callers (tests, jobs). */
export async function actorForUser(userId: string, sessionVersion?: number): Promise<Actor> {
  return (await loadSignedIn(userId, sessionVersion)).actor;
}

export async function loadSignedIn(userId: string, sessionVersion?: number): Promise<SignedIn> {
  const user = await getDb().user.findUnique({
    relationLoadStrategy: "join",
    where: { id: userId },
    select: {
      id: true,
      email: true,
      disabledAt: true,
      sessionVersion: true,
      memberships: { select: { role: true, regionId: true, territoryId: true, organisationId: true, departmentCodes: true } },
      _count: { select: { notifications: { where: { readAt: null } } } },
    },
  });
  if (!user || user.disabledAt) return NOBODY;
  if (sessionVersion !== undefined && sessionVersion !== user.sessionVersion) return NOBODY;
  return { actor: { userId: user.id, email: user.email, memberships: user.memberships }, unreadNotifications: user._count.notifications };
}
