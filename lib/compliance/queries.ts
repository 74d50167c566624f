// The facts the compliance checks read (./checks.ts), for any number of contracts in one SQL
// statement: a portfolio page flags every contract of a region without a query per contract.
import { can, type Actor } from "@/lib/authz";
import type { Db } from "@/lib/db/client";
import { getDb } from "@/lib/db/client";
import { todayInParis } from "@/lib/due/schedule";
import { complianceFlags, DELIBERATING_KINDS, type ComplianceFacts, type ComplianceFlag } from "./checks";

/** How many fiche numbers a reason quotes. */
const QUOTED_FICHES = 5;

type FactsRow = Omit<ComplianceFacts, "fichesWithoutIndicator" | "fichesWithoutPilot"> & {
  noIndicatorCount: number;
  noIndicatorNumbers: number[] | null;
  noIndicatorFirst: string | null;
  noPilotCount: number;
  noPilotNumbers: number[] | null;
  noPilotFirst: string | null;
};

/** The checks' facts of these contracts (unknown ids are absent), in one statement whatever their number. */
export async function listComplianceFacts(db: Db, contractIds: readonly string[]): Promise<Map<string, ComplianceFacts>> {
  if (!contractIds.length) return new Map();
  // One pass over each contract's fiches for both fiche checks; the renewal test as two indexed
  // lookups (an OR inside one EXISTS scanned every contract).
  const rows = await db.$queryRaw<FactsRow[]>`
    SELECT c.id AS "contractId", t.slug AS "territorySlug", c.status::text AS status, c."startsOn", c."endsOn",
      c."mentalHealthComponent", c."clsmStatus"::text AS "clsmStatus",
      (EXISTS (SELECT 1 FROM "Contract" n WHERE n."previousContractId" = c.id)
        OR EXISTS (SELECT 1 FROM "Contract" n WHERE n."territoryId" = c."territoryId" AND n.generation > c.generation)) AS "hasRenewal",
      EXISTS (SELECT 1 FROM "EvaluationCampaign" e WHERE e."contractId" = c.id AND e.kind = 'mid_term') AS "hasMidTermCampaign",
      coalesce(fiches."noIndicatorCount", 0)::int AS "noIndicatorCount", fiches."noIndicatorNumbers", fiches."noIndicatorFirst",
      coalesce(fiches."noPilotCount", 0)::int AS "noPilotCount", fiches."noPilotNumbers", fiches."noPilotFirst",
      coalesce(
        (SELECT array_agg(o.name ORDER BY s.position) FROM "Signatory" s JOIN "Organisation" o ON o.id = s."organisationId"
         WHERE s."contractId" = c.id AND o.kind::text = ANY(${[...DELIBERATING_KINDS]}::text[])
           AND coalesce(btrim(s."deliberationReference"), '') = ''),
        ARRAY[]::text[]
      ) AS "signatoriesWithoutDeliberation"
    FROM "Contract" c
    JOIN "Territory" t ON t.id = c."territoryId"
    LEFT JOIN LATERAL (
      SELECT count(*) FILTER (WHERE f."noIndicator") AS "noIndicatorCount",
        (array_agg(f.number ORDER BY f.number) FILTER (WHERE f."noIndicator"))[1:${QUOTED_FICHES}] AS "noIndicatorNumbers",
        (array_agg(f.id::text ORDER BY f.number) FILTER (WHERE f."noIndicator"))[1] AS "noIndicatorFirst",
        count(*) FILTER (WHERE f."noPilot") AS "noPilotCount",
        (array_agg(f.number ORDER BY f.number) FILTER (WHERE f."noPilot"))[1:${QUOTED_FICHES}] AS "noPilotNumbers",
        (array_agg(f.id::text ORDER BY f.number) FILTER (WHERE f."noPilot"))[1] AS "noPilotFirst"
      FROM (
        SELECT f.id, f.number, indicator.found IS NULL AS "noIndicator",
          f."pilotOrganisationId" IS NULL AND f."pilotUserId" IS NULL AS "noPilot"
        FROM "FicheAction" f
        -- Joined, not a NOT EXISTS in the select list: PostgreSQL evaluated that once per aggregate
        -- reading it (three index probes per fiche, 80 ms for Occitanie's 227 contracts).
        LEFT JOIN LATERAL (
          SELECT 1 AS found FROM "Indicator" i WHERE i."ficheId" = f.id AND i."deletedAt" IS NULL LIMIT 1
        ) indicator ON true
        WHERE f."contractId" = c.id AND f."deletedAt" IS NULL
      ) f
    ) fiches ON true
    WHERE c.id = ANY(${[...contractIds]}::uuid[])`;
  return new Map(
    rows.map(({ noIndicatorCount, noIndicatorNumbers, noIndicatorFirst, noPilotCount, noPilotNumbers, noPilotFirst, ...row }) => [
      row.contractId,
      {
        ...row,
        fichesWithoutIndicator: { count: noIndicatorCount, numbers: noIndicatorNumbers ?? [], firstId: noIndicatorFirst },
        fichesWithoutPilot: { count: noPilotCount, numbers: noPilotNumbers ?? [], firstId: noPilotFirst },
      },
    ]),
  );
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
  const facts = (await listComplianceFacts(getDb(), [contract.id])).get(contract.id);
  return facts ? complianceFlags(facts, today) : [];
}
