// The facts the compliance checks read (./checks.ts), and the checks' verdicts, for any number of
// contracts in one SQL statement: a portfolio page flags every contract of a region without a
// query per contract.
import { can, type Actor } from "@/lib/authz";
import { getDb } from "@/lib/db/client";
import { calendarDay, queryJsonRows } from "@/lib/db/json-rows";
import { Prisma } from "@/lib/db/generated/client";
import { todayInParis } from "@/lib/due/schedule";
import { complianceFlags, DELIBERATING_KINDS, flaggedChecksSql, type ComplianceFacts, type ComplianceFlag } from "./checks";

/** How many fiche numbers a reason quotes. */
const QUOTED_FICHES = 5;

/** A facts row as JSON carries it (lib/db/json-rows.ts): dates as "YYYY-MM-DD", the quoted fiches only where joined. */
export type FactsRow = Omit<ComplianceFacts, "startsOn" | "endsOn" | "fichesWithoutIndicator" | "fichesWithoutPilot"> & {
  startsOn: string | null;
  endsOn: string | null;
  noIndicatorCount: number;
  noIndicatorNumbers?: number[] | null;
  noIndicatorFirst?: string | null;
  noPilotCount: number;
  noPilotNumbers?: number[] | null;
  noPilotFirst?: string | null;
  /** The ids of the checks that flag the contract (lib/compliance/checks.ts's rules). */
  flags: string[];
};

/**
 * The statement that reads the checks' facts of the contracts a subquery selects (their ids), one row each (unknown ids are absent), whatever their number, with `flags`, the ids of the checks that flag each on `today`:
 * for lists that filter, count and sort by flag in SQL (lib/portfolio), then read the rows they
 * show with `factsOfRow`. Fiche counts come from ContractFicheStats, which PostgreSQL keeps (ADR
 * 0011); the numbers of the fiches a reason quotes come from `QUOTED_FICHES_SQL`, joined only to
 * the rows shown, since finding them reads every fiche of the contract.
 */
export function complianceFactsSql(contracts: Prisma.Sql, today: Date): Prisma.Sql {
  // The renewal test as two indexed lookups (an OR inside one EXISTS scanned every contract);
  // deliberations one contract at a time through the signatories' (contract, position) index:
  // grouped over every signatory, PostgreSQL misjudged how many lack a reference (nearly all do)
  // and sorted them all, then compared each contract with each group.
  return Prisma.sql`
    SELECT facts.*, ${flaggedChecksSql(today)} AS flags
    FROM (
      SELECT c.id AS "contractId", t.slug AS "territorySlug", c.status::text AS status, c."startsOn", c."endsOn",
        c."mentalHealthComponent", c."clsmStatus"::text AS "clsmStatus",
        (EXISTS (SELECT 1 FROM "Contract" n WHERE n."previousContractId" = c.id)
          OR EXISTS (SELECT 1 FROM "Contract" n WHERE n."territoryId" = c."territoryId" AND n.generation > c.generation)) AS "hasRenewal",
        EXISTS (SELECT 1 FROM "EvaluationCampaign" e WHERE e."contractId" = c.id AND e.kind = 'mid_term') AS "hasMidTermCampaign",
        coalesce(stats."fichesWithoutIndicator", 0) AS "noIndicatorCount", coalesce(stats."fichesWithoutPilot", 0) AS "noPilotCount",
        coalesce(deliberations.names, ARRAY[]::text[]) AS "signatoriesWithoutDeliberation",
        -- Through the findings' (contract, position) index, then each finding's fiches by FicheFinding's findingId index.
        (SELECT count(*)::int FROM "DiagnosisFinding" d WHERE d."contractId" = c.id
          AND NOT EXISTS (SELECT 1 FROM "FicheFinding" ff JOIN "FicheAction" f ON f.id = ff."ficheId"
                          WHERE ff."findingId" = d.id AND f."deletedAt" IS NULL)) AS "uncoveredFindingCount"
      FROM "Contract" c
      JOIN "Territory" t ON t.id = c."territoryId"
      LEFT JOIN "ContractFicheStats" stats ON stats."contractId" = c.id
      LEFT JOIN LATERAL (
        SELECT array_agg(o.name ORDER BY s.position) AS names
        FROM "Signatory" s JOIN "Organisation" o ON o.id = s."organisationId"
        WHERE s."contractId" = c.id AND o.kind::text = ANY(${[...DELIBERATING_KINDS]}::text[])
          AND coalesce(btrim(s."deliberationReference"), '') = ''
      ) deliberations ON true
      WHERE c.id IN (${contracts})
      -- Kept a subquery (not merged into the outer one), so that each fact is computed once per
      -- contract rather than once per rule that reads it.
      OFFSET 0
    ) facts`;
}

/**
 * The numbers of the fiches a reason quotes (the first few without an indicator, without a pilot,
 * and the first one's id), for a row of `complianceFactsSql` named `facts`: a lateral subquery,
 * to join `ON true`. It reads the contract's fiches only when the counts say one lacks something.
 */
export const QUOTED_FICHES_SQL = Prisma.sql`(
  SELECT (array_agg(f.number ORDER BY f.number) FILTER (WHERE f."noIndicator"))[1:${QUOTED_FICHES}] AS "noIndicatorNumbers",
    (array_agg(f.id::text ORDER BY f.number) FILTER (WHERE f."noIndicator"))[1] AS "noIndicatorFirst",
    (array_agg(f.number ORDER BY f.number) FILTER (WHERE f."noPilot"))[1:${QUOTED_FICHES}] AS "noPilotNumbers",
    (array_agg(f.id::text ORDER BY f.number) FILTER (WHERE f."noPilot"))[1] AS "noPilotFirst"
  FROM (
    SELECT f.id, f.number, indicator.found IS NULL AS "noIndicator",
      f."pilotOrganisationId" IS NULL AND f."pilotUserId" IS NULL AS "noPilot"
    FROM "FicheAction" f
    -- Joined, not a NOT EXISTS in the select list: PostgreSQL evaluated that once per aggregate
    -- reading it.
    LEFT JOIN LATERAL (
      SELECT 1 AS found FROM "Indicator" i WHERE i."ficheId" = f.id AND i."deletedAt" IS NULL LIMIT 1
    ) indicator ON true
    WHERE f."contractId" = facts."contractId" AND f."deletedAt" IS NULL
      AND (facts."noIndicatorCount" > 0 OR facts."noPilotCount" > 0)
  ) f
)`;

/** A row of `complianceFactsSql` as JSON gives it (lib/db/json-rows.ts), as the checks read it. */
export function factsOfRow(row: FactsRow): ComplianceFacts {
  return {
    contractId: row.contractId,
    territorySlug: row.territorySlug,
    status: row.status,
    startsOn: calendarDay(row.startsOn),
    endsOn: calendarDay(row.endsOn),
    mentalHealthComponent: row.mentalHealthComponent,
    clsmStatus: row.clsmStatus,
    hasRenewal: row.hasRenewal,
    hasMidTermCampaign: row.hasMidTermCampaign,
    fichesWithoutIndicator: { count: row.noIndicatorCount, numbers: row.noIndicatorNumbers ?? [], firstId: row.noIndicatorFirst ?? null },
    fichesWithoutPilot: { count: row.noPilotCount, numbers: row.noPilotNumbers ?? [], firstId: row.noPilotFirst ?? null },
    signatoriesWithoutDeliberation: row.signatoriesWithoutDeliberation,
    uncoveredFindingCount: row.uncoveredFindingCount,
  };
}

/**
 * The contract page's own flags, for whoever edits it or follows its region's portfolio; null
 * for others (not a refusal: the page itself is authorized by its loader).
 */
export async function listContractFlags(
  actor: Actor,
  contract: { id: string; territory: { id: string; regionId: string } },
  today = todayInParis(),
): Promise<ComplianceFlag[] | null> {
  const resource = { territoryId: contract.territory.id, regionId: contract.territory.regionId };
  if (!can(actor, "contract.edit", resource) && !can(actor, "portfolio.read", resource)) return null;
  const [row] = await queryJsonRows<FactsRow>(
    getDb(),
    Prisma.sql`SELECT facts.*, quoted.* FROM (${complianceFactsSql(Prisma.sql`SELECT ${contract.id}::uuid`, today)}) facts
      LEFT JOIN LATERAL ${QUOTED_FICHES_SQL} quoted ON true`,
  );
  return row ? complianceFlags(factsOfRow(row), row.flags) : [];
}
