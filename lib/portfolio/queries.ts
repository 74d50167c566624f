// The regional portfolio: every contract of a region the actor follows, with its compliance
// flags, filtered, sorted and paginated, and the counts the map and the chart draw. Five SQL
// statements whatever the region's size: the regions to pick from; the region's contracts that
// the SQL filters select (what a row shows but progress); the checks' facts of those; the
// page's fiches, for progress and counts by status, and its open review items (lib/reviews). Flags are computed in code, so filtering by flag happens before paging.
import { NotFoundError, type Actor } from "@/lib/authz";
import { complianceFlags, COMPLIANCE_CHECKS, type ComplianceCheckId, type ComplianceFlag } from "@/lib/compliance/checks";
import { listComplianceFacts } from "@/lib/compliance/queries";
import { contractProgress } from "@/lib/contracts/progress";
import { objectivesProgressJson } from "@/lib/contracts/selects";
import { getDb } from "@/lib/db/client";
import { listRegionDepartments } from "@/lib/geo/reference";
import type { Prisma } from "@/lib/db/generated/client";
import type { CampaignStatus, ContractStatus, EvaluationKind, ProgressStatus } from "@/lib/db/generated/enums";
import { addMonths, todayInParis } from "@/lib/due/schedule";
import { PAGE_SIZE } from "@/lib/params/list-params";
import { countOpenReviewItems } from "@/lib/reviews/queries";
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

const keysSelect = {
  id: true,
  title: true,
  generation: true,
  status: true,
  signedOn: true,
  endsOn: true,
  territory: { select: { name: true, slug: true, departmentCodes: true } },
  campaigns: {
    orderBy: { createdAt: "desc" },
    take: 1,
    select: { kind: true, status: true, opensOn: true, closedAt: true, createdAt: true },
  },
} satisfies Prisma.ContractSelect;
type ContractKeys = Prisma.ContractGetPayload<{ select: typeof keysSelect }>;

/** A fiche of a listed contract, as the progress roll-up reads it (lib/contracts/progress.ts). */
type ProgressFiche = {
  contractId: string;
  axisId: string;
  status: ProgressStatus;
  progress: number;
  weight: number | null;
  objectives: Array<{ progress: number; weight: number | null; status: ProgressStatus }>;
};

/**
 * The fiches of these contracts with their objectives, as plain rows with the objectives in one
 * JSON array (as the contract page reads them, lib/contracts/queries.ts): nested in Prisma's
 * query they cost several times as much.
 */
function listProgressFiches(contractIds: readonly string[]) {
  return getDb().$queryRaw<ProgressFiche[]>`
    SELECT f."contractId", f."axisId", f.status, f.progress, f.weight,
      ${objectivesProgressJson} AS objectives
    FROM "FicheAction" f
    WHERE f."contractId" = ANY(${[...contractIds]}::uuid[]) AND f."deletedAt" IS NULL`;
}

/** The contract's progress from its fiches, grouped by axis as the roll-up wants. */
function progressOf(fiches: readonly ProgressFiche[]): number | null {
  const byAxis = new Map<string, ProgressFiche[]>();
  for (const fiche of fiches) {
    const axis = byAxis.get(fiche.axisId);
    if (axis) axis.push(fiche);
    else byAxis.set(fiche.axisId, [fiche]);
  }
  return contractProgress([...byAxis.values()].map((axisFiches) => ({ fiches: axisFiches })));
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

/** Nulls last whatever the order; ties by territory, then id, so pages never overlap. */
function comparator(sort: PortfolioSort, order: "asc" | "desc", flagCount: (id: string) => number) {
  const key = (contract: ContractKeys): string | number | null => {
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
  return (a: ContractKeys, b: ContractKeys) => {
    const [x, y] = [key(a), key(b)];
    if (x !== y) {
      if (x === null) return 1;
      if (y === null) return -1;
      const compared = typeof x === "string" ? x.localeCompare(y as string, "fr") : x - (y as number);
      if (compared) return compared * direction;
    }
    return a.territory.name.localeCompare(b.territory.name, "fr") || a.id.localeCompare(b.id);
  };
}

function ficheCounts(fiches: ReadonlyArray<{ status: ProgressStatus }>): Record<ProgressStatus, number> {
  const counts: Record<ProgressStatus, number> = { not_started: 0, in_progress: 0, completed: 0, delayed: 0, abandoned: 0 };
  for (const fiche of fiches) counts[fiche.status] += 1;
  return counts;
}

type Options = { today?: Date; /** Every row the filters select, not one page: the export. */ all?: boolean };

/** The portfolio of the region the params name (or the first the actor follows), or a NotFoundError. */
export async function getPortfolio(
  actor: Actor,
  params: PortfolioParams,
  { today = todayInParis(), all = false }: Options = {},
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
    relationLoadStrategy: "join",
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
    select: keysSelect,
  });
  const truncated = found.length > PORTFOLIO_CAP;
  const contracts = found.slice(0, PORTFOLIO_CAP);
  const facts = await listComplianceFacts(
    db,
    contracts.map((contract) => contract.id),
  );
  const flags = new Map(
    contracts.map((contract) => [contract.id, facts.has(contract.id) ? complianceFlags(facts.get(contract.id)!, today) : []]),
  );

  const flagged = params.signal
    ? contracts.filter((contract) => flags.get(contract.id)!.some((flag) => flag.id === params.signal))
    : contracts;
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
    count: selected.filter((contract) => flags.get(contract.id)!.some((flag) => flag.id === check.id)).length,
  }));
  const sorted = [...selected].sort(comparator(params.tri, params.ordre, (id) => flags.get(id)!.length));
  const pageCount = Math.max(1, Math.ceil(sorted.length / PAGE_SIZE));
  const shown = all ? sorted : sorted.slice((params.page - 1) * PAGE_SIZE, params.page * PAGE_SIZE);

  const fiches = new Map<string, ProgressFiche[]>(shown.map((contract) => [contract.id, []]));
  const shownIds = shown.map((contract) => contract.id);
  const [progressFiches, reviewItems] = await Promise.all([listProgressFiches(shownIds), countOpenReviewItems(db, shownIds)]);
  for (const fiche of progressFiches) fiches.get(fiche.contractId)?.push(fiche);
  const rows = shown.map((contract): PortfolioRow => {
    const campaign = contract.campaigns[0];
    return {
      id: contract.id,
      title: contract.title,
      generation: contract.generation,
      territory: contract.territory,
      status: contract.status,
      signedOn: contract.signedOn,
      endsOn: contract.endsOn,
      monthsLeft: contract.endsOn ? monthsUntil(today, contract.endsOn) : null,
      progress: progressOf(fiches.get(contract.id)!),
      fichesByStatus: ficheCounts(fiches.get(contract.id)!),
      lastCampaign: campaign
        ? { kind: campaign.kind, status: campaign.status, on: campaign.closedAt ?? campaign.opensOn ?? campaign.createdAt }
        : null,
      openReviewItems: reviewItems.get(contract.id) ?? 0,
      flags: flags.get(contract.id)!,
    };
  });
  return { regions, region, rows, total: sorted.length, pageCount, truncated, byDepartment, byFlag };
}
