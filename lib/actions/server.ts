// Turns an ActionDefinition into the function a "use server" module exports: it reads the
// request's actor and IP, runs the definition, and turns unexpected errors into a generic
// French message with a reference that is also in the server log.
import { randomUUID } from "node:crypto";
import { refresh } from "next/cache";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { clientIp } from "@/lib/http/client-address";
import { currentActor } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { invalidatePublicPages } from "@/lib/public-pages/invalidation";
import { executeFormAction, type ActionDefinition } from "./define";
import type { ServerAction } from "./server-action";

const definitions = new WeakMap<object, ActionDefinition>();

/** The definition behind an exported server action (used by the authorization matrix test). */
export function definitionOf(exported: unknown): ActionDefinition | undefined {
  return typeof exported === "function" ? definitions.get(exported) : undefined;
}

/**
 * `refreshPage: false` when the form navigates away itself on success (re-rendering the page
 * first would unmount the form before it can).
 */
export function serverAction<Input, Output>(
  definition: ActionDefinition<Input, Output>,
  { refreshPage = true } = {},
): ServerAction<Output> {
  const action: ServerAction<Output> = async (_previous, formData) => {
    try {
      const context = { db: getDb(), actor: await currentActor(), ip: clientIp(await headers()) };
      const result = await executeFormAction(definition, context, formData);
      if (result.ok) await invalidatePublicPages(context.db);
      // The page behind the form re-renders with the change in the same response.
      if (result.ok && refreshPage) refresh();
      return result;
    } catch (error) {
      unstable_rethrow(error);
      const reference = randomUUID().slice(0, 8);
      console.error(`opencls: action ${definition.name} failed [${reference}]`, error);
      return {
        ok: false,
        reason: "unexpected",
        message: `Une erreur inattendue s’est produite (référence ${reference}). Réessayez dans un instant\u00a0; si elle persiste, transmettez cette référence à l’équipe technique.`,
      };
    }
  };
  definitions.set(action, definition as ActionDefinition);
  return action;
}
