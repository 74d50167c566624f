// Reads of access requests: the organisation an agent's ProConnect SIRET names, the territories
// they may ask to join as its partner, and their own requests. The members page reads the
// pending ones with the territory's members (lib/memberships/queries.ts, ./selects.ts).
import { PROCONNECT_ID } from "@/lib/auth/proconnect";
import { assertCan, type Actor } from "@/lib/authz";
import { getDb, type Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { DRAFT_CONTRACT } from "@/lib/workspaces/resource";
import { ownAccessRequestSelect } from "./selects";

/** Territories offered at most: an organisation takes part in a few dozen contracts at most (a national body, in its region). */
export const REQUESTABLE_TERRITORIES = 200;
/** An agent's requests listed at most, newest first. */
export const OWN_REQUESTS_SHOWN = 20;

export type AgentOrganisation = {
  siret: string;
  siren: string;
  /** The organisation whose SIREN begins the SIRET, or null when none of ours has it. */
  organisation: { id: string; name: string; siren: string | null } | null;
};

/**
 * What the agent's stored ProConnect account says of their organisation (never what a form
 * says): null when they have never signed in with ProConnect or it stated no SIRET.
 */
export async function findAgentOrganisation(db: Db, userId: string): Promise<AgentOrganisation | null> {
  const account = await db.account.findFirst({
    where: { userId, provider: PROCONNECT_ID, siret: { not: null } },
    orderBy: { updatedAt: "desc" },
    select: { siret: true },
  });
  if (!account?.siret) return null;
  // A SIRET is the SIREN (9 digits) followed by the establishment's number.
  const siren = account.siret.slice(0, 9);
  const organisation = await db.organisation.findUnique({ where: { siren }, select: { id: true, name: true, siren: true } });
  return { siret: account.siret, siren, organisation };
}

/**
 * Contracts past their draft that the organisation takes part in: it signs them, partners them,
 * or is a partner of, or commits to, one of their fiches (outside the trash).
 */
export function contractsWithParty(organisationId: string): Prisma.ContractWhereInput {
  return {
    NOT: DRAFT_CONTRACT,
    OR: [
      { signatories: { some: { organisationId } } },
      { partners: { some: { organisationId } } },
      {
        fiches: {
          some: {
            deletedAt: null,
            OR: [
              { partners: { some: { organisationId } } },
              { commitments: { some: { organisationId } } },
              { objectives: { some: { deletedAt: null, commitments: { some: { organisationId } } } } },
            ],
          },
        },
      },
    ],
  };
}

/** Whether the organisation takes part in a contract of the territory (see contractsWithParty). */
export async function takesPartInTerritory(db: Db, organisationId: string, territoryId: string): Promise<boolean> {
  const found = await db.contract.findFirst({ where: { territoryId, ...contractsWithParty(organisationId) }, select: { id: true } });
  return Boolean(found);
}

/** The territories the agent may still ask to join for the organisation: no request pending there, not its partner yet. */
export function listRequestableTerritories(db: Db, userId: string, organisationId: string) {
  return db.territory.findMany({
    where: {
      contracts: { some: contractsWithParty(organisationId) },
      accessRequests: { none: { userId, status: "pending" } },
      memberships: { none: { userId, role: "partner", organisationId } },
    },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    take: REQUESTABLE_TERRITORIES,
    select: { id: true, name: true, region: { select: { name: true } } },
  });
}

export type AccessRequestPanel = {
  agent: AgentOrganisation | null;
  territories: Awaited<ReturnType<typeof listRequestableTerritories>>;
  requests: Array<Prisma.AccessRequestGetPayload<{ select: typeof ownAccessRequestSelect }>>;
};

/** What the signed-in actor's space shows of access requests: null for someone who is no ProConnect agent and never asked. */
export async function getAccessRequestPanel(actor: Actor): Promise<AccessRequestPanel | null> {
  assertCan(actor, "accessRequest.create");
  const userId = actor.userId!;
  const db = getDb();
  const [agent, requests] = await Promise.all([
    findAgentOrganisation(db, userId),
    db.accessRequest.findMany({
      where: { userId },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      take: OWN_REQUESTS_SHOWN,
      select: ownAccessRequestSelect,
    }),
  ]);
  if (!agent && !requests.length) return null;
  const territories = agent?.organisation ? await listRequestableTerritories(db, userId, agent.organisation.id) : [];
  return { agent, territories, requests };
}
