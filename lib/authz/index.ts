// The one authorization module: every route handler, server action and page loader calls
// `assertCan` (or `can`) before touching data. Rules live in ./rules.ts.
import type { MembershipRole } from "@/lib/db/generated/enums";
import { GRANTS, type Operation, type Scope } from "./rules";

export type { Operation, Scope } from "./rules";

export type Membership = {
  role: MembershipRole;
  regionId: string | null;
  territoryId: string | null;
  organisationId: string | null;
  /** An ARS officer's délégation départementale: the départements they follow in their region (none or absent: all of them). */
  departmentCodes?: readonly string[];
};

export type Actor = {
  userId: string | null;
  email: string | null;
  memberships: readonly Membership[];
};

/** What a check is about: the scope keys of the record, loaded by the caller from the database. */
export type Resource = {
  regionId?: string;
  /** The départements of the territory (of a contract, a fiche…): what a délégation départementale compares. */
  departmentCodes?: readonly string[];
  territoryId?: string;
  /** For a fiche: the user who pilots it. */
  pilotUserId?: string | null;
  /** For a contract: the organisations taking part in it (signatories, partners, committed organisations). */
  partnerOrganisationIds?: readonly string[];
  /** For a contract: still a draft. Partners read only contracts that say they are not. */
  draft?: boolean;
  /** For a commitment: the committed organisation (with the territory of its contract). */
  organisationId?: string;
  /** For a user's own records (notifications, preferences): whose they are. */
  userId?: string;
};

export const ANONYMOUS: Actor = Object.freeze({ userId: null, email: null, memberships: [] });

/** Denial is reported as "not found", so that a refusal never confirms that a record exists. */
export class NotFoundError extends Error {
  constructor(message = "Not found") {
    super(message);
    this.name = "NotFoundError";
  }
}

export function can(actor: Actor, operation: Operation, resource: Resource = {}): boolean {
  if (inScope(GRANTS.anyone[operation], null, actor, resource)) return true;
  return actor.memberships.some((membership) => inScope(GRANTS[membership.role][operation], membership, actor, resource));
}

export function assertCan(actor: Actor, operation: Operation, resource: Resource = {}): void {
  if (!can(actor, operation, resource)) throw new NotFoundError(`Denied: ${operation}`);
}

/**
 * The grants the actor holds for an operation, each with the membership it comes from (null for
 * "anyone"): what a loader turns into a SQL filter that mirrors `can`, which stays the authority.
 */
export function grantsOf(actor: Actor, operation: Operation): Array<{ scope: Scope; membership: Membership | null }> {
  const anyone = GRANTS.anyone[operation];
  return [
    ...(anyone ? [{ scope: anyone, membership: null }] : []),
    ...actor.memberships.flatMap((membership) => {
      const scope = GRANTS[membership.role][operation];
      return scope ? [{ scope, membership }] : [];
    }),
  ];
}

function inScope(scope: Scope | undefined, membership: Membership | null, actor: Actor, resource: Resource): boolean {
  switch (scope) {
    case undefined:
      return false;
    case "everywhere":
      return true;
    case "signedIn":
      return Boolean(actor.userId);
    case "region":
      return Boolean(membership?.regionId) && membership?.regionId === resource.regionId && inDelegation(membership, resource);
    case "territory":
      return Boolean(membership?.territoryId) && membership?.territoryId === resource.territoryId;
    case "pilotedFiche":
      return inScope("territory", membership, actor, resource) && Boolean(actor.userId) && resource.pilotUserId === actor.userId;
    case "partnerOrganisation":
      return (
        resource.draft === false &&
        inScope("territory", membership, actor, resource) &&
        Boolean(membership?.organisationId) &&
        Boolean(resource.partnerOrganisationIds?.includes(membership!.organisationId!))
      );
    case "organisation":
      return (
        resource.draft === false &&
        inScope("territory", membership, actor, resource) &&
        Boolean(membership?.organisationId) &&
        membership?.organisationId === resource.organisationId
      );
    case "self":
      return Boolean(actor.userId) && resource.userId === actor.userId;
  }
}

/** A membership limited to départements reaches a resource in one of them; without its départements, none. */
function inDelegation(membership: Membership | null, resource: Resource): boolean {
  const delegated = membership?.departmentCodes ?? [];
  if (!delegated.length) return true;
  return Boolean(resource.departmentCodes?.some((code) => delegated.includes(code)));
}
