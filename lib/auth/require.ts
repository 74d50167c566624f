// Page guards: signed-out visitors go to the sign-in page and come back afterwards; a refusal
// or an unknown record is the 404 page, so that a refusal never confirms that a record exists.
import { notFound, redirect } from "next/navigation";
import { NotFoundError, type Actor } from "@/lib/authz";
import { checkRouteParams, type RouteParams } from "@/lib/params/route-params";
import { currentActor } from "./session";

export async function requireSignedIn(returnPath: string): Promise<Actor> {
  const actor = await currentActor();
  if (!actor.userId) redirect(`/connexion?callbackUrl=${encodeURIComponent(returnPath)}`);
  return actor;
}

/**
 * Runs a page's loader (which authorizes) for the signed-in actor, once the route's params are
 * known to be well formed: a malformed one is the 404 page, like an unknown record.
 */
export async function loadAuthorized<T>(
  returnPath: string,
  params: RouteParams,
  load: (actor: Actor) => Promise<T>,
): Promise<{ actor: Actor; data: T }> {
  const actor = await requireSignedIn(returnPath);
  try {
    checkRouteParams(params);
    return { actor, data: await load(actor) };
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
}
