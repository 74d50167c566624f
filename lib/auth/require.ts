// Page guard: signed-out visitors go to the sign-in page and come back afterwards.
import { redirect } from "next/navigation";
import type { Actor } from "@/lib/authz";
import { currentActor } from "./session";

export async function requireSignedIn(returnPath: string): Promise<Actor> {
  const actor = await currentActor();
  if (!actor.userId) redirect(`/connexion?callbackUrl=${encodeURIComponent(returnPath)}`);
  return actor;
}
