// The one authorization module: every route handler, server action and page loader calls
// `assertCan` (or `can`) before touching data. Rules live in ./rules.ts.
import type { MembershipRole } from "@/lib/db/generated/enums";
import { GRANTS, type Operation, type Role } from "./rules";

export type { Operation } from "./rules";

export type Actor = {
  userId: string | null;
  memberships: ReadonlyArray<{ role: MembershipRole }>;
};

export const ANONYMOUS: Actor = Object.freeze({ userId: null, memberships: [] });

/** Denial is reported as "not found", so that a refusal never confirms that a record exists. */
export class NotFoundError extends Error {
  constructor(message = "Not found") {
    super(message);
    this.name = "NotFoundError";
  }
}

export function rolesOf(actor: Actor): Role[] {
  return ["anyone", ...actor.memberships.map((membership) => membership.role)];
}

export function can(actor: Actor, operation: Operation): boolean {
  return rolesOf(actor).some((role) => GRANTS[role].includes(operation));
}

export function assertCan(actor: Actor, operation: Operation): void {
  if (!can(actor, operation)) throw new NotFoundError(`Denied: ${operation}`);
}

/** The visitor of the current request. Accounts arrive with sign-in; until then everyone is anonymous. */
export async function currentActor(): Promise<Actor> {
  return ANONYMOUS;
}
