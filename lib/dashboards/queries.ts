// The contract dashboard's one loader: the only part of the dashboard that reads the database.
// It reads the contract as its page does (lib/contracts/queries.ts, which authorizes), then
// the indicators with their latest measurement, the budget by funder and the commitments by
// partner, each one SQL statement aggregated in PostgreSQL, and the chosen indicator's
// measurements, and its evaluation campaigns: seven statements whatever the contract's size (ADR 0003).
import { NotFoundError, type Actor } from "@/lib/authz";
import { getDb } from "@/lib/db/client";
import type { CampaignStatus, EvaluationKind, ProgressStatus } from "@/lib/db/generated/enums";
import { findContractInTerritory, getContractOverview, readableOrNotFound } from "@/lib/contracts/queries";
import { territoryKeysSelect } from "@/lib/contracts/selects";
import { campaignSummarySelect } from "@/lib/campaigns/selects";
import { contractAccessSelect } from "@/lib/workspaces/resource";
import { campaignFigures, readOpenCampaignTotals } from "./campaign-figures";
import type { CommitmentCount, DashboardIndicator, FunderBudget } from "./series";

/**
 * The indicators a dashboard's table shows at a time: the table is where one picks the trajectory
 * to draw, and a page of 24 made the evaluation dashboard of a 120-fiche contract miss its bench target.
 */
export const INDICATORS_PER_PAGE = 12;

/** The measurements a trajectory chart draws at most: five years of monthly values. */
export const TRAJECTORY_MEASUREMENTS = 60;

type IndicatorRow = Omit<DashboardIndicator, "direction"> & { direction: "increase" | "decrease"; measurementCount: number };

/**
 * The dashboard of a contract the actor reads in the workspace (else a NotFoundError), on
 * `asOf` (commitments of fiches ended before it are overdue). `indicatorId` chooses the
 * indicator whose trajectory is drawn; an unknown one, or none, gives the first one measured.
 */
export async function getContractDashboard(
  actor: Actor,
  territorySlug: string,
  contractId: string,
  { indicatorId, asOf }: { indicatorId?: string | null; asOf: Date },
) {
  const contract = await getContractOverview(actor, territorySlug, contractId);
  const db = getDb();
  const [indicators, budget, commitments, campaigns] = await Promise.all([
    db.$queryRaw<IndicatorRow[]>`
      SELECT i.id, f."axisId", f.number AS "ficheNumber", i.name, i.unit, i.direction::text AS direction,
        i."baselineValue"::float8 AS "baselineValue", i."baselineOn", i."targetValue"::float8 AS "targetValue", i."targetOn",
        m.value::float8 AS "latestValue", m."measuredOn" AS "latestOn",
        (SELECT count(*)::int FROM "Measurement" c WHERE c."indicatorId" = i.id) AS "measurementCount"
      FROM "Indicator" i
      JOIN "FicheAction" f ON f.id = i."ficheId"
      LEFT JOIN LATERAL (
        SELECT value, "measuredOn" FROM "Measurement" WHERE "indicatorId" = i.id ORDER BY "measuredOn" DESC LIMIT 1
      ) m ON true
      WHERE f."contractId" = ${contract.id}::uuid AND f."deletedAt" IS NULL AND i."deletedAt" IS NULL
      ORDER BY f.number, i."createdAt", i.id`,
    // Planned, and spent as the latest campaign with any spending says (the final one before the mid-term).
    db.$queryRaw<FunderBudget[]>`
      WITH latest AS (
        SELECT e.id FROM "EvaluationCampaign" e
        WHERE e."contractId" = ${contract.id}::uuid
          AND EXISTS (SELECT 1 FROM "FicheAssessment" a JOIN "AssessmentSpending" s ON s."assessmentId" = a.id WHERE a."campaignId" = e.id)
        ORDER BY e.kind DESC LIMIT 1
      )
      SELECT coalesce(o.name, nullif(trim(b."funderLabel"), '')) AS funder, sum(b.amount)::float8 AS amount,
        sum(b.amount)::numeric(14, 2)::text AS planned, coalesce(sum(s.spent), 0)::numeric(14, 2)::text AS spent
      FROM "BudgetLine" b
      JOIN "FicheAction" f ON f.id = b."ficheId"
      LEFT JOIN "Organisation" o ON o.id = b."funderId"
      LEFT JOIN "FicheAssessment" a ON a."ficheId" = f.id AND a."campaignId" = (SELECT id FROM latest)
      LEFT JOIN "AssessmentSpending" s ON s."assessmentId" = a.id AND s."budgetLineId" = b.id
      WHERE f."contractId" = ${contract.id}::uuid AND f."deletedAt" IS NULL
      GROUP BY 1 ORDER BY 2 DESC LIMIT 200`,
    // The two ways a commitment hangs on a fiche, each by its index: a single join through
    // COALESCE(ficheId, objective's fiche) scanned every commitment of the platform (110 ms on the
    // national dataset).
    db.$queryRaw<CommitmentCount[]>`
      WITH fiche AS (
        SELECT id, "endsOn" FROM "FicheAction" WHERE "contractId" = ${contract.id}::uuid AND "deletedAt" IS NULL
      ), kept AS (
        SELECT k."organisationId", k.status, f."endsOn" FROM fiche f JOIN "Commitment" k ON k."ficheId" = f.id
        UNION ALL
        SELECT k."organisationId", k.status, f."endsOn"
        FROM fiche f
        JOIN "OperationalObjective" ob ON ob."ficheId" = f.id AND ob."deletedAt" IS NULL
        JOIN "Commitment" k ON k."objectiveId" = ob.id
      ), counted AS (
        SELECT "organisationId", status::text AS status, ("endsOn" IS NOT NULL AND "endsOn" < ${asOf}::date) AS overdue, count(*)::int AS count
        FROM kept GROUP BY 1, 2, 3
      )
      -- Named once counted, by its key: joined, every organisation of the platform was hashed (3,000 rows, 3 ms).
      SELECT "organisationId", (SELECT name FROM "Organisation" WHERE id = "organisationId") AS organisation, status, overdue, count
      FROM counted`,
    // The campaigns, for the budget spent (the latest with spending) and the links to their dashboards.
    db.$queryRaw<{ id: string; kind: EvaluationKind; status: CampaignStatus; hasSpending: boolean }[]>`
      SELECT e.id, e.kind::text AS kind, e.status::text AS status,
        EXISTS (SELECT 1 FROM "FicheAssessment" a JOIN "AssessmentSpending" s ON s."assessmentId" = a.id WHERE a."campaignId" = e.id) AS "hasSpending"
      FROM "EvaluationCampaign" e WHERE e."contractId" = ${contract.id}::uuid ORDER BY e.kind`,
  ]);
  // Only an indicator of this contract can be chosen: an id from elsewhere falls back to the default.
  const chosen =
    indicators.find((indicator) => indicator.id === indicatorId) ?? indicators.find((indicator) => indicator.measurementCount > 0) ?? null;
  const measurements = chosen
    ? (
        await db.$queryRaw<{ value: number; measuredOn: Date }[]>`
          SELECT value::float8 AS value, "measuredOn" FROM "Measurement"
          WHERE "indicatorId" = ${chosen.id}::uuid ORDER BY "measuredOn" DESC LIMIT ${TRAJECTORY_MEASUREMENTS}`
      ).reverse()
    : [];
  return {
    contract,
    indicators: indicators as DashboardIndicator[],
    budget,
    campaigns,
    /** The campaign whose spending the budget's `spent` sums: the latest with any. */
    spendingCampaign: campaigns.filter((campaign) => campaign.hasSpending).at(-1) ?? null,
    commitments: commitments as (CommitmentCount & { status: ProgressStatus })[],
    trajectory: chosen ? { indicator: chosen as DashboardIndicator, measurements, measurementCount: chosen.measurementCount } : null,
  };
}

export type ContractDashboard = Awaited<ReturnType<typeof getContractDashboard>>;

/**
 * A campaign's dashboard, for an actor who reads its contract in the workspace (else a
 * NotFoundError, also for a campaign of another contract): the contract's heading with its
 * campaigns in one statement, then the campaign's figures (./campaign-figures.ts: kept once
 * computed for a closed campaign, read live for an open one) and, when the contract has both its
 * mid-term and final campaigns, the other one's totals for the comparison. A fixed number of
 * statements whatever the contract's size.
 */
export async function getCampaignDashboard(
  actor: Actor,
  territorySlug: string,
  contractId: string,
  campaignId: string,
  { today }: { today: Date },
) {
  const contract = readableOrNotFound(
    actor,
    await findContractInTerritory(territorySlug, contractId, {
      ...contractAccessSelect(actor),
      id: true,
      title: true,
      territory: { select: territoryKeysSelect },
      campaigns: { orderBy: { kind: "asc" }, select: { ...campaignSummarySelect, snapshotId: true } },
    }),
  );
  const campaign = contract.campaigns.find((candidate) => candidate.id === campaignId);
  if (!campaign) throw new NotFoundError();
  const other = contract.campaigns.find((candidate) => candidate.id !== campaignId) ?? null;
  const db = getDb();
  const [figures, otherTotals] = await Promise.all([
    campaignFigures(db, contract.id, campaign, today),
    other
      ? other.status === "closed"
        ? campaignFigures(db, contract.id, other, today)
        : readOpenCampaignTotals(db, contract.id, other.id)
      : null,
  ]);
  return { contract, campaign, figures, other: other && otherTotals ? { campaign: other, totals: otherTotals } : null };
}

export type CampaignDashboard = Awaited<ReturnType<typeof getCampaignDashboard>>;
