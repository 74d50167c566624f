// The regional portfolio: every contract of a region the actor follows, with its compliance
// flags, filtered, sorted and paginated, and the counts the map and the chart draw. Four SQL
// statements whatever the region's size: the regions to pick from; the ids of the region's
// contracts that the authorization scope and the SQL filters select; their lines (what sorting
// and filtering read) with the checks' facts, as JSON (lib/db/json-rows.ts: 200 rows cost
// little); then for the page's rows, their details (progress and fiches by status come from
// ContractFicheStats, which PostgreSQL keeps; open review items from lib/reviews) with their facts
// and the fiche numbers the reasons quote (the map and the chart, without rows, send three).
// Flags are computed in code, so filtering by flag happens before paging.
import { NotFoundError, type Actor } from "@/lib/authz";
import {
  complianceFlags,
  COMPLIANCE_CHECKS,
  flaggingChecks,
  type ComplianceCheckId,
  type ComplianceFacts,
  type ComplianceFlag,
} from "@/lib/compliance/checks";
import { complianceFactsSql, factsOfRow, type FactsRow } from "@/lib/compliance/queries";
import { getDb } from "@/lib/db/client";
import { calendarDay, queryJsonRows } from "@/lib/db/json-rows";
import { listRegionDepartments } from "@/lib/geo/reference";
import { Prisma } from "@/lib/db/generated/client";
import type { CampaignStatus, ContractStatus, EvaluationKind, ProgressStatus } from "@/lib/db/generated/enums";
import { addMonths, todayInParis } from "@/lib/due/schedule";
import { PAGE_SIZE } from "@/lib/params/list-params";
import { openReviewItemsCount } from "@/lib/reviews/queries";
import { portfolioContracts } from "@/lib/workspaces/resource";
import { followsPortfolio, portfolioRegions } from "./resource";
import type { PortfolioParams, PortfolioSort } from "./schema";

/** More contracts than any region has (the largest, Occitanie, about 250): beyond, the list says it is cut. */
export const PORTFOLIO_CAP = 600;

const STATUS_ORDER: readonly ContractStatus[] = [
  "preparation",
  "signed",
  "in_progress",
  "mid_term_evaluation",
  "final_evaluation",
  "closed",
  "renewed",
];

/** What sorting and filtering read of each of the region's contracts, with the checks' facts. */
type ContractLine = {
  id: string;
  status: ContractStatus;
  signedOn: Date | null;
  endsOn: Date | null;
  territory: { name: string; slug: string; departmentCodes: string[] };
  facts: ComplianceFacts;
};

/** The contracts' lines and facts in one statement (the facts without the fiche numbers reasons quote). */
function listContractLines(contractIds: readonly string[]): Promise<ContractLine[]> {
  type Row = Omit<ContractLine, "signedOn" | "endsOn" | "facts"> & { signedOn: string | null; endsOn: string | null; facts: FactsRow };
  return queryJsonRows<Row>(
    getDb(),
    Prisma.sql`
      SELECT c.id, c.status, c."signedOn", c."endsOn",
        json_build_object('name', t.name, 'slug', t.slug, 'departmentCodes', t."departmentCodes") AS territory,
        row_to_json(facts) AS facts
      FROM "Contract" c
      JOIN "Territory" t ON t.id = c."territoryId"
      JOIN (${complianceFactsSql(contractIds, [])}) facts ON facts."contractId" = c.id
      WHERE c.id = ANY(${[...contractIds]}::uuid[])`,
  ).then((rows) =>
    rows.map((row) => ({ ...row, signedOn: calendarDay(row.signedOn), endsOn: calendarDay(row.endsOn), facts: factsOfRow(row.facts) })),
  );
}

/** What a shown row adds to its line: its title, its last campaign, its fiches' progress and counts (ContractFicheStats), its open review items, its facts with fiche numbers. */
type ContractDetails = {
  id: string;
  title: string;
  generation: number;
  lastCampaign: { kind: EvaluationKind; status: CampaignStatus; opensOn: string | null; closedAt: string | null; createdAt: string } | null;
  progress: number | null;
  fichesByStatus: Record<ProgressStatus, number>;
  openReviewItems: number;
  /** The checks' facts, with the fiche numbers the reasons quote. */
  facts: ComplianceFacts;
};

function listContractDetails(contractIds: readonly string[]): Promise<ContractDetails[]> {
  return queryJsonRows<Omit<ContractDetails, "facts"> & { facts: FactsRow }>(
    getDb(),
    Prisma.sql`
      SELECT c.id, c.title, c.generation, stats.progress, ${openReviewItemsCount(Prisma.sql`c.id`)} AS "openReviewItems",
        json_build_object('not_started', coalesce(stats."fichesNotStarted", 0), 'in_progress', coalesce(stats."fichesInProgress", 0),
          'completed', coalesce(stats."fichesCompleted", 0), 'delayed', coalesce(stats."fichesDelayed", 0),
          'abandoned', coalesce(stats."fichesAbandoned", 0)) AS "fichesByStatus",
        (SELECT json_build_object('kind', e.kind, 'status', e.status, 'opensOn', e."opensOn", 'closedAt', e."closedAt", 'createdAt', e."createdAt")
         FROM "EvaluationCampaign" e WHERE e."contractId" = c.id ORDER BY e."createdAt" DESC LIMIT 1) AS "lastCampaign",
        row_to_json(facts) AS facts
      FROM "Contract" c
      LEFT JOIN "ContractFicheStats" stats ON stats."contractId" = c.id
      JOIN (${complianceFactsSql(contractIds, contractIds)}) facts ON facts."contractId" = c.id
      WHERE c.id = ANY(${[...contractIds]}::uuid[])`,
  ).then((rows) => rows.map((row) => ({ ...row, facts: factsOfRow(row.facts) })));
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

const collator = new Intl.Collator("fr");

/** Nulls last whatever the order; ties by territory, then id, so pages never overlap. */
function comparator(sort: PortfolioSort, order: "asc" | "desc", flagCount: (id: string) => number) {
  const key = (contract: ContractLine): string | number | null => {
    switch (sort) {
      case "territoire":
        return contract.territory.name;
      case "departement":
        return contract.territory.departmentCodes[0] ?? null;
      case "statut":
        return STATUS_ORDER.indexOf(contract.status);
      case "signature":
        return contract.signedOn?.getTime() ?? null;
      case "fin":
        return contract.endsOn?.getTime() ?? null;
      case "signaux":
        return flagCount(contract.id);
    }
  };
  const direction = order === "asc" ? 1 : -1;
  return (a: ContractLine, b: ContractLine) => {
    const [x, y] = [key(a), key(b)];
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      const compared = typeof x === "string" ? collator.compare(x, y as string) : x - (y as number);
      if (compared) return compared * direction;
    }
    return collator.compare(a.territory.name, b.territory.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  };
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
  const db = getDb();
  const regions = await db.region.findMany({
    where: portfolioRegions(actor),
    orderBy: { name: "asc" },
    select: { id: true, slug: true, name: true, inseeCode: true },
  });
  const region = regions.find((candidate) => candidate.slug === params.region) ?? regions[0];
  if (!region) throw new NotFoundError();

  const found = await db.contract.findMany({
    where: {
      AND: [
        portfolioContracts(actor),
        { territory: { regionId: region.id } },
        params.statut ? { status: params.statut } : {},
        params.expire ? { endsOn: { gte: today, lte: addMonths(today, params.expire) } } : {},
      ],
    },
    orderBy: { id: "asc" },
    take: PORTFOLIO_CAP + 1,
    select: { id: true },
  });
  const truncated = found.length > PORTFOLIO_CAP;
  const ids = found.slice(0, PORTFOLIO_CAP).map((contract) => contract.id);
  // Every contract's flags, for the filter, the sort and the chart; the shown rows' again below,
  // with the fiche numbers their reasons quote.
  const contracts = ids.length ? await listContractLines(ids) : [];
  const flags = new Map(contracts.map((contract) => [contract.id, flaggingChecks(contract.facts, today)]));

  const flagged = params.signal ? contracts.filter((contract) => flags.get(contract.id)!.includes(params.signal!)) : contracts;
  const byDepartment = listRegionDepartments(region.inseeCode).map((department) => ({
    ...department,
    count: flagged.filter((contract) => contract.territory.departmentCodes.includes(department.code)).length,
  }));
  const selected = params.departement
    ? flagged.filter((contract) => contract.territory.departmentCodes.includes(params.departement!))
    : flagged;
  const byFlag = COMPLIANCE_CHECKS.map((check) => ({
    id: check.id,
    label: check.label,
    count: selected.filter((contract) => flags.get(contract.id)!.includes(check.id)).length,
  }));
  const sorted = [...selected].sort(comparator(params.tri, params.ordre, (id) => flags.get(id)!.length));
  const pageCount = Math.max(1, Math.ceil(sorted.length / PAGE_SIZE));
  const shown = !withRows ? [] : all ? sorted : sorted.slice((params.page - 1) * PAGE_SIZE, params.page * PAGE_SIZE);

  const shownIds = shown.map((contract) => contract.id);
  const details = shownIds.length ? await listContractDetails(shownIds) : [];
  const detailsById = new Map(details.map((detail) => [detail.id, detail]));
  const rows = shown.flatMap((contract): PortfolioRow[] => {
    const detail = detailsById.get(contract.id);
    if (!detail) return []; // Deleted between the statements.
    const campaign = detail.lastCampaign;
    return [
      {
        id: contract.id,
        status: contract.status,
        signedOn: contract.signedOn,
        endsOn: contract.endsOn,
        territory: contract.territory,
        title: detail.title,
        generation: detail.generation,
        monthsLeft: contract.endsOn ? monthsUntil(today, contract.endsOn) : null,
        progress: detail.progress,
        fichesByStatus: detail.fichesByStatus,
        lastCampaign: campaign
          ? { kind: campaign.kind, status: campaign.status, on: new Date(campaign.closedAt ?? campaign.opensOn ?? campaign.createdAt) }
          : null,
        openReviewItems: detail.openReviewItems,
        flags: complianceFlags(detail.facts, today),
      },
    ];
  });
  return { regions, region, rows, total: sorted.length, pageCount, truncated, byDepartment, byFlag };
}
