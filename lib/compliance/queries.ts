// The facts the compliance checks read (./checks.ts), for any number of contracts in one SQL
// statement: a portfolio page flags every contract of a region without a query per contract.
import { can, type Actor } from "@/lib/authz";
import { getDb } from "@/lib/db/client";
import { calendarDay, queryJsonRows } from "@/lib/db/json-rows";
import { Prisma } from "@/lib/db/generated/client";
import { todayInParis } from "@/lib/due/schedule";
import { complianceFlags, DELIBERATING_KINDS, type ComplianceFacts, type ComplianceFlag } from "./checks";

/** How many fiche numbers a reason quotes. */
const QUOTED_FICHES = 5;

/** A facts row as JSON carries it (lib/db/json-rows.ts): dates as "YYYY-MM-DD". */
export type FactsRow = Omit<ComplianceFacts, "startsOn" | "endsOn" | "fichesWithoutIndicator" | "fichesWithoutPilot"> & {
  startsOn: string | null;
  endsOn: string | null;
  noIndicatorCount: number;
  noIndicatorNumbers: number[] | null;
  noIndicatorFirst: string | null;
  noPilotCount: number;
  noPilotNumbers: number[] | null;
  noPilotFirst: string | null;
};

/**
 * The statement that reads the checks' facts of these contracts, one row each (unknown ids are
 * absent), whatever their number: for lists that join it to their own rows (lib/portfolio), then
 * read each with `factsOfRow`. Fiche counts come from ContractFicheStats, which PostgreSQL keeps
 * (ADR 0011); the fiches' numbers that a reason quotes are read only for `quotingFichesOf`, since
 * finding them reads every fiche of the contract.
 */
export function complianceFactsSql(contractIds: readonly string[], quotingFichesOf: readonly string[]): Prisma.Sql {
  // The renewal test as two indexed lookups (an OR inside one EXISTS scanned every contract);
  // deliberations grouped over all the contracts' signatories at once (a subquery per contract
  // read them one contract at a time); the fiches' lateral join carries its tests inside, where
  // they gate the scan: only contracts asked for whose counts say some fiche lacks something.
  const ids = [...contractIds];
  return Prisma.sql`
    SELECT c.id AS "contractId", t.slug AS "territorySlug", c.status::text AS status, c."startsOn", c."endsOn",
      c."mentalHealthComponent", c."clsmStatus"::text AS "clsmStatus",
      (EXISTS (SELECT 1 FROM "Contract" n WHERE n."previousContractId" = c.id)
        OR EXISTS (SELECT 1 FROM "Contract" n WHERE n."territoryId" = c."territoryId" AND n.generation > c.generation)) AS "hasRenewal",
      EXISTS (SELECT 1 FROM "EvaluationCampaign" e WHERE e."contractId" = c.id AND e.kind = 'mid_term') AS "hasMidTermCampaign",
      coalesce(stats."fichesWithoutIndicator", 0) AS "noIndicatorCount", fiches."noIndicatorNumbers", fiches."noIndicatorFirst",
      coalesce(stats."fichesWithoutPilot", 0) AS "noPilotCount", fiches."noPilotNumbers", fiches."noPilotFirst",
      coalesce(deliberations.names, ARRAY[]::text[]) AS "signatoriesWithoutDeliberation"
    FROM "Contract" c
    JOIN "Territory" t ON t.id = c."territoryId"
    LEFT JOIN "ContractFicheStats" stats ON stats."contractId" = c.id
    LEFT JOIN (
      SELECT s."contractId", array_agg(o.name ORDER BY s.position) AS names
      FROM "Signatory" s JOIN "Organisation" o ON o.id = s."organisationId"
      WHERE s."contractId" = ANY(${ids}::uuid[]) AND o.kind::text = ANY(${[...DELIBERATING_KINDS]}::text[])
        AND coalesce(btrim(s."deliberationReference"), '') = ''
      GROUP BY s."contractId"
    ) deliberations ON deliberations."contractId" = c.id
    LEFT JOIN LATERAL (
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
        WHERE f."contractId" = c.id AND f."deletedAt" IS NULL AND c.id = ANY(${[...quotingFichesOf]}::uuid[])
          AND (stats."fichesWithoutIndicator" > 0 OR stats."fichesWithoutPilot" > 0)
      ) f
    ) fiches ON true
    WHERE c.id = ANY(${ids}::uuid[])`;
}

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
    fichesWithoutIndicator: { count: row.noIndicatorCount, numbers: row.noIndicatorNumbers ?? [], firstId: row.noIndicatorFirst },
    fichesWithoutPilot: { count: row.noPilotCount, numbers: row.noPilotNumbers ?? [], firstId: row.noPilotFirst },
    signatoriesWithoutDeliberation: row.signatoriesWithoutDeliberation,
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
  const [row] = await queryJsonRows<FactsRow>(getDb(), complianceFactsSql([contract.id], [contract.id]));
  return row ? complianceFlags(factsOfRow(row), today) : [];
}
