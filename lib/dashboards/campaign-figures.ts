// A campaign's figures for its dashboard. A closed campaign's come from its snapshot, which never
// changes (a trigger refuses updates): they are computed once per process and kept by snapshot id,
// so that its dashboard does not read and parse a megabyte of JSON on every request. Only the
// caller's authorization of the contract (./queries.ts) leads here: what is kept is served to
// no one who could not read it from the snapshot. An open campaign's are read live each time.
import { LRUCache } from "lru-cache";
import type { Db } from "@/lib/db/client";
import { evaluationDay, evaluationFigures, type EvaluationFigures } from "@/lib/evaluations/figures";
import { readCampaignEvaluation } from "@/lib/evaluations/read";
import type { CampaignTotals } from "./evaluation-series";

/** Closed campaigns whose figures a process keeps: a few megabytes each at most (a 120-fiche contract). */
const KEPT_CAMPAIGNS = 32;
const closedFigures = new LRUCache<string, EvaluationFigures>({ max: KEPT_CAMPAIGNS });

type CampaignKeys = { id: string; status: "open" | "closed"; closedAt: Date | null; snapshotId: string | null };

/** The figures of `campaign` of the (authorized) contract `contractId`, on its closing day once closed, else on `today`. */
export async function campaignFigures(db: Db, contractId: string, campaign: CampaignKeys, today: Date): Promise<EvaluationFigures> {
  const key = campaign.status === "closed" && campaign.snapshotId ? `${contractId}:${campaign.snapshotId}` : null;
  const kept = key ? closedFigures.get(key) : undefined;
  if (kept) return kept;
  const read = await readCampaignEvaluation(db, contractId, campaign.id, today);
  const figures = evaluationFigures(read, evaluationDay(read.campaign, today));
  if (key && read.campaign.status === "closed") closedFigures.set(key, figures);
  return figures;
}

type AxisTotals = {
  id: string;
  number: number | null;
  title: string;
  isTransversal: boolean;
  rated: number;
  rateSum: number;
  completed: number;
  partially_completed: number;
  not_started: number;
  abandoned: number;
  unassessed: number;
};

/**
 * An open campaign's totals for the comparison with the contract's other campaign, aggregated by
 * PostgreSQL in one statement: the same figures as evaluationFigures gives (mean achievement of
 * the assessed live fiches, overall and by axis; fiches by realisation, « unassessed » without a
 * status; budget planned on live fiches and spent over the campaign), without reading the contract.
 */
export async function readOpenCampaignTotals(db: Db, contractId: string, campaignId: string): Promise<CampaignTotals> {
  // The budget rides on every axis row: one statement (a contract without axes has no fiche, so no budget).
  const axes = await db.$queryRaw<Array<AxisTotals & { planned: string; spent: string }>>`
    WITH budget AS (
      SELECT coalesce(sum(b.amount), 0)::numeric(14, 2)::text AS planned,
        coalesce(sum(s.spent), 0)::numeric(14, 2)::text AS spent
      FROM "FicheAction" f
      JOIN "BudgetLine" b ON b."ficheId" = f.id
      LEFT JOIN "FicheAssessment" a ON a."ficheId" = f.id AND a."campaignId" = ${campaignId}::uuid
      LEFT JOIN "AssessmentSpending" s ON s."assessmentId" = a.id AND s."budgetLineId" = b.id
      WHERE f."contractId" = ${contractId}::uuid AND f."deletedAt" IS NULL
    )
    SELECT x.id, x.number, x.title, x."isTransversal",
      count(a."achievementRate")::int AS rated, coalesce(sum(a."achievementRate"), 0)::int AS "rateSum",
      count(*) FILTER (WHERE a."realisationStatus" = 'completed')::int AS completed,
      count(*) FILTER (WHERE a."realisationStatus" = 'partially_completed')::int AS partially_completed,
      count(*) FILTER (WHERE a."realisationStatus" = 'not_started')::int AS not_started,
      count(*) FILTER (WHERE a."realisationStatus" = 'abandoned')::int AS abandoned,
      count(f.id) FILTER (WHERE a."realisationStatus" IS NULL)::int AS unassessed,
      budget.planned, budget.spent
    FROM "Axis" x
    CROSS JOIN budget
    LEFT JOIN "FicheAction" f ON f."axisId" = x.id AND f."deletedAt" IS NULL
    LEFT JOIN "FicheAssessment" a ON a."ficheId" = f.id AND a."campaignId" = ${campaignId}::uuid
    WHERE x."contractId" = ${contractId}::uuid
    GROUP BY x.id, budget.planned, budget.spent ORDER BY x.position`;
  const budget = axes[0];
  const mean = (sum: number, count: number) => (count ? Math.round(sum / count) : null);
  const total = (key: keyof AxisTotals) => axes.reduce((sum, axis) => sum + (axis[key] as number), 0);
  return {
    axes: axes.map((axis) => ({ ...axis, achievement: mean(axis.rateSum, axis.rated) })),
    achievement: mean(total("rateSum"), total("rated")),
    realisation: {
      completed: total("completed"),
      partially_completed: total("partially_completed"),
      not_started: total("not_started"),
      abandoned: total("abandoned"),
      unassessed: total("unassessed"),
    },
    budgetTotal: { planned: budget?.planned ?? "0.00", spent: budget?.spent ?? "0.00" },
  };
}
