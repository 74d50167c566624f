// The actor of the current request: the signed-in user with their memberships, loaded fresh on
// every request so that a revoked role stops working at once.
import { getServerSession } from "next-auth";
import { cache } from "react";
import { ANONYMOUS, type Actor } from "@/lib/authz";
import { getDb } from "@/lib/db/client";
import { authOptions } from "./options";

export const currentActor = cache(async (): Promise<Actor> => {
  const session = await getServerSession(authOptions);
  const userId = session?.user?.id;
  if (!userId) return ANONYMOUS;
  // A session issued before the account's sessions were ended (lib/auth/sessions.ts) is void.
  return actorForUser(userId, session.user?.sessionVersion ?? -1);
});

/** `sessionVersion`: the version the session was issued with; omitted for trusted callers (tests, jobs). */
export async function actorForUser(userId: string, sessionVersion?: number): Promise<Actor> {
  const user = await getDb().user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      disabledAt: true,
      sessionVersion: true,
      memberships: { select: { role: true, regionId: true, territoryId: true, organisationId: true } },
    },
  });
  if (!user || user.disabledAt) return ANONYMOUS;
  if (sessionVersion !== undefined && sessionVersion !== user.sessionVersion) return ANONYMOUS;
  return { userId: user.id, email: user.email, memberships: user.memberships };
}
