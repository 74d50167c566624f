// The regional portfolio: every contract of a region the actor follows, with its compliance
// flags, filtered, sorted and paginated, and the counts the map and the chart draw. Three SQL
// statements whatever the region's size: the regions to pick from; the ids of the region's
// contracts that the authorization scope selects (lib/workspaces/resource.ts, as Prisma filters);
// then one statement that reads their compliance facts with the checks' verdicts (the checks'
// rules are SQL: lib/compliance/checks.ts), filters, counts, sorts and pages them, and gives the
// page's rows with their details: progress and fiches by status from ContractFicheStats, which
// PostgreSQL keeps; open review items from lib/reviews; the fiche numbers the reasons quote.
// The server reads 24 rows and a few counts, not the region's 200 contracts.
import { can, NotFoundError, type Actor } from "@/lib/authz";
import { complianceFlags, COMPLIANCE_CHECKS, type ComplianceCheckId, type ComplianceFlag } from "@/lib/compliance/checks";
import { complianceFactsSql, factsOfRow, QUOTED_FICHES_SQL, type FactsRow } from "@/lib/compliance/queries";
import { getDb } from "@/lib/db/client";
import { calendarDay } from "@/lib/db/json-rows";
import { listRegionDepartments } from "@/lib/geo/reference";
import { Prisma } from "@/lib/db/generated/client";
import type { CampaignStatus, ContractStatus, EvaluationKind, ProgressStatus } from "@/lib/db/generated/enums";
import { addMonths, todayInParis } from "@/lib/due/schedule";
import { PAGE_SIZE } from "@/lib/params/list-params";
import { openReviewItemsCount } from "@/lib/reviews/queries";
import { followsPortfolio, portfolioRegionsSql, portfolioTerritoriesSql } from "./resource";
import type { PortfolioParams, PortfolioSort } from "./schema";

/** More contracts than any region has (the largest, Occitanie, about 250): beyond, the list says it is cut. */
export const PORTFOLIO_CAP = 600;

/**
 * What each sort key orders by, over the selected lines. The contract status enum orders by its
 * declaration: preparation, signed, in progress, mid-term and final evaluation, closed, renewed.
 * Names sort as French readers expect (ICU's French collation: "Étang" beside "Etang").
 */
const SORT_KEYS: Record<PortfolioSort, Prisma.Sql> = {
  territoire: Prisma.sql`lines."territoryName" COLLATE "fr-x-icu"`,
  departement: Prisma.sql`lines."departmentCodes"[1] COLLATE "C"`,
  statut: Prisma.sql`lines."contractStatus"`,
  signature: Prisma.sql`lines."signedOn"`,
  fin: Prisma.sql`lines."endsOn"`,
  signaux: Prisma.sql`cardinality(lines.flags)`,
};

/** Nulls last whatever the direction; ties by territory, then id, so that pages never overlap. */
function orderBy(sort: PortfolioSort, order: "asc" | "desc"): Prisma.Sql {
  const direction = Prisma.raw(order === "asc" ? "ASC" : "DESC");
  return Prisma.sql`${SORT_KEYS[sort]} ${direction} NULLS LAST, lines."territoryName" COLLATE "fr-x-icu", lines."contractId"`;
}

/** A shown row as the statement gives it (lib/db/json-rows.ts: dates as "YYYY-MM-DD"). */
type RowJson = {
  id: string;
  title: string;
  generation: number;
  territory: { name: string; slug: string; departmentCodes: string[] };
  status: ContractStatus;
  signedOn: string | null;
  endsOn: string | null;
  progress: number | null;
  fichesByStatus: Record<ProgressStatus, number>;
  lastCampaign: { kind: EvaluationKind; status: CampaignStatus; opensOn: string | null; closedAt: string | null; createdAt: string } | null;
  openReviewItems: number;
  /** The checks' facts and verdicts, with the fiche numbers the reasons quote. */
  facts: FactsRow;
};

type Selection = {
  /** The regions the actor follows, by name, and the one shown: the one asked, else the first. */
  regions: PortfolioRegion[];
  region: PortfolioRegion | null;
  /** The region has more contracts in scope than the cap. */
  truncated: boolean;
  total: number;
  /** [département code, contracts] pairs, over the contracts the filters other than the département select. */
  byDepartment: Array<[string, number]>;
  /** [check id, contracts] pairs, over the contracts the filters select. */
  byFlag: Array<[string, number]>;
  rows: RowJson[];
};

/**
 * The one statement: the regions the actor follows and the one shown, its contracts in the
 * actor's scope that the status and end filters select (up to the cap), their facts and flags,
 * the flag and département filters, the counts, and the rows of the page asked (`page` null: every
 * row, for the export; `rows` false: none, for the map and the chart).
 */
export function portfolioStatement(
  actor: Actor,
  params: PortfolioParams,
  { today, page, rows }: { today: Date; page: number | null; rows: boolean },
): Prisma.Sql {
  const byStatus = params.statut ? Prisma.sql`AND c.status = ${params.statut}::"ContractStatus"` : Prisma.empty;
  const calendar = (day: Date) => Prisma.sql`${day.toISOString().slice(0, 10)}::date`;
  const endingSoon = params.expire
    ? Prisma.sql`AND c."endsOn" BETWEEN ${calendar(today)} AND ${calendar(addMonths(today, params.expire))}`
    : Prisma.empty;
  const flagged = params.signal ? Prisma.sql`WHERE ${params.signal} = ANY(facts.flags)` : Prisma.empty;
  const inDepartment = params.departement ? Prisma.sql`WHERE ${params.departement} = ANY(lines."departmentCodes")` : Prisma.empty;
  const window = page === null ? Prisma.empty : Prisma.sql`LIMIT ${PAGE_SIZE} OFFSET ${(page - 1) * PAGE_SIZE}`;
  const shownRows = rows
    ? Prisma.sql`(
        SELECT coalesce(json_agg(shown ORDER BY shown.position), '[]'::json) FROM (
          SELECT page.position, c.id, c.title, c.generation, c.status, c."signedOn", c."endsOn",
            json_build_object('name', t.name, 'slug', t.slug, 'departmentCodes', t."departmentCodes") AS territory,
            stats.progress, ${openReviewItemsCount(Prisma.sql`c.id`)} AS "openReviewItems",
            json_build_object('not_started', coalesce(stats."fichesNotStarted", 0), 'in_progress', coalesce(stats."fichesInProgress", 0),
              'completed', coalesce(stats."fichesCompleted", 0), 'delayed', coalesce(stats."fichesDelayed", 0),
              'abandoned', coalesce(stats."fichesAbandoned", 0)) AS "fichesByStatus",
            (SELECT json_build_object('kind', e.kind, 'status', e.status, 'opensOn', e."opensOn", 'closedAt', e."closedAt", 'createdAt', e."createdAt")
             FROM "EvaluationCampaign" e WHERE e."contractId" = c.id ORDER BY e."createdAt" DESC LIMIT 1) AS "lastCampaign",
            to_jsonb(facts) || coalesce(to_jsonb(quoted), '{}'::jsonb) AS facts
          FROM page
          JOIN selected facts ON facts."contractId" = page."contractId"
          JOIN "Contract" c ON c.id = page."contractId"
          JOIN "Territory" t ON t.id = c."territoryId"
          LEFT JOIN "ContractFicheStats" stats ON stats."contractId" = c.id
          LEFT JOIN LATERAL ${QUOTED_FICHES_SQL} quoted ON true
        ) shown
      )`
    : Prisma.sql`'[]'::json`;
  return Prisma.sql`
    WITH regions AS MATERIALIZED (
      SELECT r.id, r.slug, r.name, r."inseeCode" FROM "Region" r WHERE ${portfolioRegionsSql(actor)}
    ),
    region AS (SELECT * FROM regions ORDER BY regions.slug = ${params.region ?? ""} DESC, regions.name LIMIT 1),
    found AS MATERIALIZED (
      SELECT c.id FROM "Contract" c
      JOIN "Territory" t ON t.id = c."territoryId"
      WHERE t."regionId" = (SELECT id FROM region) AND ${portfolioTerritoriesSql(actor)} ${byStatus} ${endingSoon}
      ORDER BY c.id
      LIMIT ${PORTFOLIO_CAP + 1}
    ),
    lines AS MATERIALIZED (
      SELECT facts.*, c.status AS "contractStatus", c."signedOn", t.name AS "territoryName", t."departmentCodes"
      FROM (${complianceFactsSql(Prisma.sql`SELECT id FROM found ORDER BY id LIMIT ${PORTFOLIO_CAP}`, today)}) facts
      JOIN "Contract" c ON c.id = facts."contractId"
      JOIN "Territory" t ON t.id = c."territoryId"
      ${flagged}
    ),
    selected AS (SELECT * FROM lines ${inDepartment}),
    page AS (
      SELECT lines."contractId", row_number() OVER (ORDER BY ${orderBy(params.tri, params.ordre)}) AS position
      FROM selected lines
      ORDER BY position
      ${rows ? window : Prisma.sql`LIMIT 0`}
    )
    SELECT (SELECT coalesce(json_agg(regions ORDER BY regions.name), '[]'::json) FROM regions) AS regions,
      (SELECT row_to_json(region) FROM region) AS region,
      (SELECT count(*) FROM found) > ${PORTFOLIO_CAP} AS truncated,
      (SELECT count(*)::int FROM selected) AS total,
      (SELECT coalesce(json_agg(json_build_array(code, contracts)), '[]'::json)
       FROM (SELECT unnest("departmentCodes") AS code, count(*)::int AS contracts FROM lines GROUP BY 1) counted) AS "byDepartment",
      (SELECT coalesce(json_agg(json_build_array(flag, contracts)), '[]'::json)
       FROM (SELECT unnest(flags) AS flag, count(*)::int AS contracts FROM selected GROUP BY 1) counted) AS "byFlag",
      ${shownRows} AS rows`;
}

export type PortfolioRegion = { id: string; slug: string; name: string; inseeCode: string };

export type PortfolioRow = {
  id: string;
  title: string;
  generation: number;
  territory: { name: string; slug: string; departmentCodes: string[] };
  status: ContractStatus;
  signedOn: Date | null;
  endsOn: Date | null;
  /** Whole months from today to the end: negative once ended, null without an end date. */
  monthsLeft: number | null;
  progress: number | null;
  fichesByStatus: Record<ProgressStatus, number>;
  lastCampaign: { kind: EvaluationKind; status: CampaignStatus; on: Date } | null;
  /** Open review threads and stages awaiting the agency's opinion (lib/reviews). */
  openReviewItems: number;
  flags: ComplianceFlag[];
};

export type Portfolio = {
  regions: PortfolioRegion[];
  region: PortfolioRegion;
  /** The actor keeps the region's list of PRS objectives. */
  keepsPrsList: boolean;
  rows: PortfolioRow[];
  /** Contracts the filters select, over every page. */
  total: number;
  pageCount: number;
  /** The region has more contracts than the portfolio lists (PORTFOLIO_CAP). */
  truncated: boolean;
  /** The map: contracts the filters other than the département select, per département of the region. */
  byDepartment: Array<{ code: string; name: string; count: number }>;
  /** The chart: contracts the filters select, per compliance flag. */
  byFlag: Array<{ id: ComplianceCheckId; label: string; count: number }>;
};

/** Whole months from `today` to `day` (negative when past): 6 from 6 December to 6 June. */
export function monthsUntil(today: Date, day: Date): number {
  let months = (day.getUTCFullYear() - today.getUTCFullYear()) * 12 + (day.getUTCMonth() - today.getUTCMonth());
  if (day >= today && addMonths(today, months) > day) months -= 1;
  if (day < today && addMonths(today, months) < day) months += 1;
  return months;
}

type Options = {
  today?: Date;
  /** Every row the filters select, not one page: the export. */
  all?: boolean;
  /** Without the page's rows: the map and the chart draw only the counts. */
  rows?: boolean;
};

/** The portfolio of the region the params name (or the first the actor follows), or a NotFoundError. */
export async function getPortfolio(
  actor: Actor,
  params: PortfolioParams,
  { today = todayInParis(), all = false, rows: withRows = true }: Options = {},
): Promise<Portfolio> {
  if (!followsPortfolio(actor)) throw new NotFoundError();
  const [selection] = await getDb().$queryRaw<[Selection]>(
    portfolioStatement(actor, params, { today, page: all ? null : params.page, rows: withRows }),
  );
  const { regions, region, truncated } = selection;
  if (!region) throw new NotFoundError();

  const inDepartment = new Map(selection.byDepartment);
  const byDepartment = listRegionDepartments(region.inseeCode).map((department) => ({
    ...department,
    count: inDepartment.get(department.code) ?? 0,
  }));
  const flagged = new Map(selection.byFlag);
  const byFlag = COMPLIANCE_CHECKS.map((check) => ({ id: check.id, label: check.label, count: flagged.get(check.id) ?? 0 }));
  const pageCount = Math.max(1, Math.ceil(selection.total / PAGE_SIZE));
  const rows = selection.rows.map((row): PortfolioRow => {
    const endsOn = calendarDay(row.endsOn);
    const campaign = row.lastCampaign;
    return {
      id: row.id,
      title: row.title,
      generation: row.generation,
      territory: row.territory,
      status: row.status,
      signedOn: calendarDay(row.signedOn),
      endsOn,
      monthsLeft: endsOn ? monthsUntil(today, endsOn) : null,
      progress: row.progress,
      fichesByStatus: row.fichesByStatus,
      lastCampaign: campaign
        ? { kind: campaign.kind, status: campaign.status, on: new Date(campaign.closedAt ?? campaign.opensOn ?? campaign.createdAt) }
        : null,
      openReviewItems: row.openReviewItems,
      flags: complianceFlags(factsOfRow(row.facts), row.facts.flags),
    };
  });
  // The regional officers and admins keep the region's list of PRS objectives: the page links it.
  const keepsPrsList = can(actor, "prsObjective.manage", { regionId: region.id });
  return { regions, region, rows, total: selection.total, pageCount, truncated, byDepartment, byFlag, keepsPrsList };
}
