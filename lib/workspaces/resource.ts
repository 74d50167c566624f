// Who reads which contract in a workspace ("workspace.read"): the facts `can` needs about a
// contract, and the SQL filter that mirrors the rules, built from lib/authz's grants so that
// lists never load what `can` would then drop. Every workspace read of a contract goes through here.
import { can, grantsOf, type Actor, type Resource, type Scope } from "@/lib/authz";
import type { Prisma } from "@/lib/db/generated/client";

/**
 * A draft is a contract still in preparation or not yet published: its territory's and region's
 * members work on it; partners do not see it until it is both signed (or later) and published.
 */
export const DRAFT_CONTRACT = { OR: [{ status: "preparation" }, { visibility: "draft" }] } satisfies Prisma.ContractWhereInput;

export function isDraftContract(contract: { status: string; visibility: string }): boolean {
  return contract.status === "preparation" || contract.visibility === "draft";
}

/** The organisations the actor reads contracts for, as a partner. */
function partnerOrganisationIds(actor: Actor): string[] {
  return grantsOf(actor, "workspace.read").flatMap(({ scope, membership }) =>
    scope === "partnerOrganisation" && membership?.organisationId ? [membership.organisationId] : [],
  );
}

/** Commitments of these organisations, on a fiche or on one of its objectives, outside the trash. */
const committedFiches = (organisationId: { in: string[] }) =>
  ({
    deletedAt: null,
    OR: [
      { commitments: { some: { organisationId } } },
      { objectives: { some: { deletedAt: null, commitments: { some: { organisationId } } } } },
    ],
  }) satisfies Prisma.FicheActionWhereInput;

/**
 * What `can` reads of a contract, to spread into a contract select. Signatories and partners are
 * few and loaded whole; commitments are many, so only the actor's own organisations' are loaded:
 * they are the only ones `can` compares, and someone who is no partner has none to load (the
 * nested selects cost every contract page about 9 ms of planning for nothing).
 */
export function contractAccessSelect(actor: Actor) {
  const organisationIds = partnerOrganisationIds(actor);
  const organisationId = { in: organisationIds };
  const commitments = { where: { organisationId }, select: { organisationId: true } } as const;
  const fiches = {
    where: committedFiches(organisationId),
    select: {
      commitments,
      objectives: { where: { deletedAt: null, commitments: { some: { organisationId } } }, select: { commitments } },
    },
  } satisfies Prisma.ContractSelect["fiches"];
  const select = {
    status: true,
    visibility: true,
    signatories: { select: { organisationId: true } },
    partners: { select: { organisationId: true } },
    fiches,
  } satisfies Prisma.ContractSelect;
  // Typed as always selected, so that the selects spreading this one keep one payload type:
  // `fiches` is read through contractResource only, which knows it may be absent.
  return organisationIds.length ? select : ({ ...select, fiches: undefined } as unknown as typeof select);
}

type Parties = ReadonlyArray<{ organisationId: string }>;
export type ContractAccessFacts = {
  status: string;
  visibility: string;
  signatories: Parties;
  partners: Parties;
  /** Only for a partner (`contractAccessSelect`): nobody else reads a contract through commitments. */
  fiches?: ReadonlyArray<{ commitments: Parties; objectives: ReadonlyArray<{ commitments: Parties }> }>;
};

/** What authorization reads of a territory: its id, region and départements (a délégation départementale compares them). */
export type TerritoryScope = { id: string; regionId: string; departmentCodes: readonly string[] };
/** The select of a territory's scope, to spread into a territory select. */
export const TERRITORY_SCOPE_SELECT = { id: true, regionId: true, departmentCodes: true } satisfies Prisma.TerritorySelect;

/** The contract as authorization sees it: its territory, region and départements, who takes part, whether it is a draft. */
export function contractResource(territory: TerritoryScope, contract: ContractAccessFacts): Resource {
  const committed = (contract.fiches ?? []).flatMap((fiche) => [
    ...fiche.commitments,
    ...fiche.objectives.flatMap((objective) => objective.commitments),
  ]);
  return {
    ...territoryResource(territory),
    partnerOrganisationIds: [
      ...new Set([...contract.signatories, ...contract.partners, ...committed].map((party) => party.organisationId)),
    ],
    draft: isDraftContract(contract),
  };
}

export function canReadContract(actor: Actor, territory: TerritoryScope, contract: ContractAccessFacts): boolean {
  return can(actor, "workspace.read", contractResource(territory, contract));
}

/** A territory as authorization sees it, before its contracts: its members and its region (or délégation) enter it. */
export function territoryResource(territory: TerritoryScope): Resource {
  return { territoryId: territory.id, regionId: territory.regionId, departmentCodes: territory.departmentCodes };
}

const NOTHING = { id: { in: [] } } satisfies Prisma.ContractWhereInput & Prisma.TerritoryWhereInput;
/** A grant without condition: not `{}`, which Prisma drops from an OR (`OR: [{}]` matches nothing). */
const EVERYTHING = "everything";
type GrantMembership = {
  regionId: string | null;
  territoryId: string | null;
  organisationId: string | null;
  departmentCodes?: readonly string[];
} | null;

/** A grant on a region, as SQL over territories: the region, and the délégation's départements when it has some. */
function regionTerritories(membership: GrantMembership): Prisma.TerritoryWhereInput | null {
  if (!membership?.regionId) return null;
  const delegated = membership.departmentCodes ?? [];
  return delegated.length
    ? { regionId: membership.regionId, departmentCodes: { hasSome: [...delegated] } }
    : { regionId: membership.regionId };
}

/** The grants' filters combined: any unconditional grant matches all rows. */
function anyOf<W>(filters: Array<W | typeof EVERYTHING>): Record<string, never> | { OR: W[] } | typeof NOTHING {
  if (filters.includes(EVERYTHING)) return {};
  const conditions = filters.filter((filter): filter is W => filter !== EVERYTHING);
  return conditions.length ? { OR: conditions } : NOTHING;
}

/** One grant of "workspace.read" as SQL over contracts; a scope added to the rules fails to compile here until mapped. */
function contractGrantWhere(scope: Scope, membership: GrantMembership): Prisma.ContractWhereInput | typeof EVERYTHING {
  switch (scope) {
    case "everywhere":
      return EVERYTHING;
    case "region": {
      const territory = regionTerritories(membership);
      return territory ? { territory } : NOTHING;
    }
    case "territory":
      return membership?.territoryId ? { territoryId: membership.territoryId } : NOTHING;
    case "partnerOrganisation": {
      if (!membership?.organisationId || !membership.territoryId) return NOTHING;
      const organisationId = { in: [membership.organisationId] };
      return {
        territoryId: membership.territoryId,
        NOT: DRAFT_CONTRACT,
        OR: [
          { signatories: { some: { organisationId } } },
          { partners: { some: { organisationId } } },
          { fiches: { some: committedFiches(organisationId) } },
        ],
      };
    }
    // Not granted for workspace.read: a fiche, an organisation or a user is not a contract.
    case "signedIn":
    case "pilotedFiche":
    case "organisation":
    case "self":
      return NOTHING;
  }
}

/** The contracts the actor may read in workspaces, as a SQL filter mirroring `can` (which stays the authority). */
export function readableContracts(actor: Actor): Prisma.ContractWhereInput {
  return anyOf<Prisma.ContractWhereInput>(
    grantsOf(actor, "workspace.read").map(({ scope, membership }) => contractGrantWhere(scope, membership)),
  );
}

/** One grant of "workspace.read" on a whole territory, as SQL over territories. */
function territoryGrantWhere(scope: Scope, membership: GrantMembership): Prisma.TerritoryWhereInput | typeof EVERYTHING {
  switch (scope) {
    case "everywhere":
      return EVERYTHING;
    case "region":
      return regionTerritories(membership) ?? NOTHING;
    case "territory":
      return membership?.territoryId ? { id: membership.territoryId } : NOTHING;
    // Partners enter a territory only through a contract they read.
    case "signedIn":
    case "partnerOrganisation":
    case "pilotedFiche":
    case "organisation":
    case "self":
      return NOTHING;
  }
}

/** Whether a grant of this scope reaches territories only through contracts (partners, pilots). */
function reachesThroughContracts(scope: Scope): boolean {
  switch (scope) {
    case "everywhere":
    case "signedIn":
    case "region":
    case "territory":
    case "self":
      return false;
    case "partnerOrganisation":
    case "pilotedFiche":
    case "organisation":
      return true;
  }
}

/** The territories whose workspace the actor enters: by a grant on the territory, or through a contract it may read. */
export function enterableTerritories(actor: Actor): Prisma.TerritoryWhereInput {
  const grants = grantsOf(actor, "workspace.read");
  return anyOf<Prisma.TerritoryWhereInput>([
    ...grants.map(({ scope, membership }) => territoryGrantWhere(scope, membership)),
    // Only for grants on contracts: a grant on territories already holds their contracts, and
    // the test over every contract made an ARS officer's list scan them all (issue 11).
    ...(grants.some(({ scope }) => reachesThroughContracts(scope)) ? [{ contracts: { some: readableContracts(actor) } }] : []),
  ]);
}
