// Reads of a contract's governance meetings: the governance page (authorized here) and the
// meetings of a period for reports (authorization is the caller's).
import { can, type Actor } from "@/lib/authz";
import { findContractInTerritory, readableOrNotFound } from "@/lib/contracts/queries";
import { territoryKeysSelect } from "@/lib/contracts/selects";
import { getDb, type Db, type Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { contractAccessSelect, contractResource } from "@/lib/workspaces/resource";
import { meetingSelect } from "./selects";

/** Meetings on a page of the governance page: a contract's five years of COPIL and COTECH fit on one or two. */
export const MEETINGS_PAGE_SIZE = 50;
/** Meetings a report lists at most. */
export const PERIOD_MEETINGS_LIMIT = 200;

const partiesSelect = {
  orderBy: { position: "asc" },
  select: { organisationId: true, organisation: { select: { name: true } } },
} as const;

const governanceSelect = (actor: Actor) =>
  ({
    ...contractAccessSelect(actor),
    id: true,
    title: true,
    territory: { select: territoryKeysSelect },
    signatories: partiesSelect,
    partners: partiesSelect,
  }) satisfies Prisma.ContractSelect;

/**
 * The governance page of a contract the actor reads ("workspace.read"): a page of its meetings,
 * newest first, with their attendances; whether the actor records them ("contract.edit"); and the
 * organisations the form offers first (the contract's signatories and partners). Three queries.
 */
export async function getContractGovernance(actor: Actor, territorySlug: string, contractId: string, { page }: { page: number }) {
  const contract = readableOrNotFound(actor, await findContractInTerritory(territorySlug, contractId, governanceSelect(actor)));
  const db = getDb();
  const [meetings, total] = await Promise.all([
    db.meeting.findMany({
      relationLoadStrategy: "join",
      where: { contractId: contract.id },
      orderBy: [{ heldOn: "desc" }, { createdAt: "desc" }, { id: "asc" }],
      skip: (page - 1) * MEETINGS_PAGE_SIZE,
      take: MEETINGS_PAGE_SIZE,
      select: meetingSelect,
    }),
    db.meeting.count({ where: { contractId: contract.id } }),
  ]);
  const parties = new Map<string, string>();
  for (const party of [...contract.signatories, ...contract.partners]) parties.set(party.organisationId, party.organisation.name);
  return {
    contract: { id: contract.id, title: contract.title, territory: contract.territory },
    editable: can(actor, "contract.edit", contractResource(contract.territory, contract)),
    meetings,
    total,
    pageCount: Math.max(1, Math.ceil(total / MEETINGS_PAGE_SIZE)),
    parties: [...parties].map(([value, label]) => ({ value, label })),
  };
}

export type ContractGovernance = Awaited<ReturnType<typeof getContractGovernance>>;

/**
 * The meetings of a contract held from `from` to `to` (either open), oldest first, with their
 * attendances by organisation: one query, bounded.
 */
export function listContractMeetings(
  contractId: string,
  { from, to }: { from?: Date | null; to?: Date | null } = {},
  db: Db | Tx = getDb(),
) {
  return db.meeting.findMany({
    relationLoadStrategy: "join",
    where: { contractId, heldOn: { gte: from ?? undefined, lte: to ?? undefined } },
    orderBy: [{ heldOn: "asc" }, { createdAt: "asc" }, { id: "asc" }],
    take: PERIOD_MEETINGS_LIMIT,
    select: meetingSelect,
  });
}
