// Actors and actions for integration tests: a new account holding one role on a scope, and an
// action run for an actor as the executor runs it (validation, authorization, then the action).
import { randomUUID } from "node:crypto";
import { executeAction, type ActionDefinition } from "@/lib/actions/define";
import { actorForUser } from "@/lib/auth/actor";
import type { Actor } from "@/lib/authz";
import { getDb } from "@/lib/db/client";
import type { MembershipRole } from "@/lib/db/generated/enums";

/** A new account holding `role` on the scope, as the actor its session would be. */
export async function memberActor(role: MembershipRole, scope: { territoryId?: string; regionId?: string; organisationId?: string }) {
  const user = await getDb().user.create({ data: { email: `${randomUUID()}@exemple.test`, memberships: { create: { role, ...scope } } } });
  return actorForUser(user.id);
}

/** Runs any action for the actor, given raw input as a form would send it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any action, given raw input as a form would
export const runAction = (definition: ActionDefinition<any, unknown>, actor: Actor, input: unknown) =>
  executeAction(definition, { db: getDb(), actor, ip: "192.0.2.1" }, input);
