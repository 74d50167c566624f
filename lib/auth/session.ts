// The actor of the current request, from its session cookie (lib/auth/actor.ts loads it), once
// per request.
import { getServerSession } from "next-auth";
import { cache } from "react";
import type { Actor } from "@/lib/authz";
import { loadSignedIn, NOBODY, type SignedIn } from "./actor";
import { authOptions } from "./options";

const currentSignedIn = cache(async (): Promise<SignedIn> => {
  const session = await getServerSession(authOptions);
  const userId = session?.user?.id;
  if (!userId) return NOBODY;
  // A session issued before the account's sessions were ended (lib/auth/sessions.ts) is void.
  return loadSignedIn(userId, session.user?.sessionVersion ?? -1);
});

export const currentActor = cache(async (): Promise<Actor> => (await currentSignedIn()).actor);

/** How many notifications the current user has not read (0 signed out). */
export const currentUnreadNotifications = cache(async (): Promise<number> => (await currentSignedIn()).unreadNotifications);
