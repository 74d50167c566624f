// Reads of the partner portal: the commitments a partner reports on ("Mes engagements"), a page
// at a time, and one commitment with the fiche around it and its history.
import { assertCan, grantsOf, type Actor } from "@/lib/authz";
import { listRecentChanges } from "@/lib/audit/history";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { PAGE_SIZE } from "@/lib/params/list-params";
import { loadCommitmentResource } from "./resource";
import { commitmentReportSelect } from "./selects";

/** The (organisation, territory) pairs a partner reports for: their "commitment.edit" grants as partner. */
function reportingScopes(actor: Actor): Array<{ organisationId: string; territoryId: string }> {
  return grantsOf(actor, "commitment.edit").flatMap(({ scope, membership }) =>
    scope === "organisation" && membership?.organisationId && membership.territoryId
      ? [{ organisationId: membership.organisationId, territoryId: membership.territoryId }]
      : [],
  );
}

/** Whether the actor has commitments to report on as a partner (the portal's link shows then). */
export const reportsAsPartner = (actor: Actor) => reportingScopes(actor).length > 0;

const listedSelect = {
  id: true,
  description: true,
  status: true,
  progress: true,
  reportedAt: true,
  organisation: { select: { name: true } },
  objective: { select: { title: true, dueOn: true } },
  // Its contributions to open campaigns: a contribution is expected where the contract has one and this is empty.
  contributions: { where: { campaign: { status: "open" } }, select: { campaignId: true } },
} satisfies Prisma.CommitmentSelect;

const ficheOfCommitment = {
  select: {
    number: true,
    title: true,
    contract: {
      select: {
        title: true,
        territory: { select: { name: true } },
        campaigns: { where: { status: "open" }, select: { id: true, kind: true } },
      },
    },
  },
} as const;

export type ListedCommitment = Prisma.CommitmentGetPayload<{ select: typeof listedSelect }> & {
  fiche: Prisma.FicheActionGetPayload<typeof ficheOfCommitment>;
};

/**
 * A page of the commitments the actor reports on: their organisation's, in published contracts
 * of the territories that invited them, outside the trash; by territory, contract, fiche. Two
 * queries: the page's ids (ordered over the fiche, direct or through the objective), then rows.
 */
export async function listPartnerCommitments(actor: Actor, { page }: { page: number }) {
  const scopes = reportingScopes(actor);
  if (!scopes.length) return { entries: [] as ListedCommitment[], total: 0 };
  const db = getDb();
  const pairs = Prisma.join(scopes.map(({ organisationId, territoryId }) => Prisma.sql`(${organisationId}::uuid, ${territoryId}::uuid)`));
  const rows = await db.$queryRaw<Array<{ id: string; total: bigint }>>`
    SELECT k.id, count(*) OVER () AS total
    FROM "Commitment" k
    LEFT JOIN "OperationalObjective" o ON o.id = k."objectiveId"
    JOIN "FicheAction" f ON f.id = coalesce(k."ficheId", o."ficheId")
    JOIN "Contract" c ON c.id = f."contractId"
    JOIN "Territory" t ON t.id = c."territoryId"
    WHERE (k."organisationId", c."territoryId") IN (${pairs})
      AND f."deletedAt" IS NULL AND o."deletedAt" IS NULL
      AND c.status <> 'preparation' AND c.visibility <> 'draft'
    ORDER BY t.name, c.generation DESC, f.number, o.position NULLS FIRST, k.id
    LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}`;
  const ids = rows.map((row) => row.id);
  const found = await db.commitment.findMany({
    where: { id: { in: ids } },
    select: {
      ...listedSelect,
      fiche: ficheOfCommitment,
      objective: { select: { ...listedSelect.objective.select, fiche: ficheOfCommitment } },
    },
  });
  const byId = new Map(
    found.map(({ fiche, objective, ...commitment }) => [commitment.id, { ...commitment, objective, fiche: (fiche ?? objective!.fiche)! }]),
  );
  return { entries: ids.map((id) => byId.get(id)!), total: Number(rows[0]?.total ?? 0) };
}

const reportSelect = {
  id: true,
  version: true,
  description: true,
  ...commitmentReportSelect,
  reportedAt: true,
  reportedBy: { select: { name: true, email: true } },
  organisation: { select: { name: true } },
} satisfies Prisma.CommitmentSelect;

/** What a partner reads of the fiche around its commitment: what it is about, who leads it, when. */
const ficheContextSelect = {
  select: {
    id: true,
    number: true,
    title: true,
    generalObjective: true,
    description: true,
    startsOn: true,
    endsOn: true,
    status: true,
    pilotOrganisation: { select: { name: true } },
    pilotContactName: true,
    axis: { select: { number: true, title: true, isTransversal: true } },
    contract: { select: { id: true, title: true, territory: { select: { slug: true, name: true } } } },
  },
} as const;

/** One commitment the actor reports on, with its fiche and objective to read and its history. */
export async function getCommitmentReport(actor: Actor, commitmentId: string) {
  const db = getDb();
  assertCan(actor, "commitment.edit", await loadCommitmentResource(db, commitmentId));
  const { fiche, objective, ...commitment } = await db.commitment.findUniqueOrThrow({
    where: { id: commitmentId },
    select: {
      ...reportSelect,
      fiche: ficheContextSelect,
      objective: { select: { title: true, description: true, dueOn: true, fiche: ficheContextSelect } },
    },
  });
  const objectiveContext = objective ? { title: objective.title, description: objective.description, dueOn: objective.dueOn } : null;
  return {
    commitment,
    objective: objectiveContext,
    fiche: (fiche ?? objective!.fiche)!,
    history: await listRecentChanges(db, "Commitment", commitmentId, 50),
  };
}

export type CommitmentReport = Awaited<ReturnType<typeof getCommitmentReport>>;
