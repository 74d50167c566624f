// The one read of an evaluation report: the contract as the workspace reads it (which
// authorizes, lib/contracts/queries.ts), then its campaign's evaluation (lib/evaluations),
// shaped once into the report every format renders.
import type { Actor } from "@/lib/authz";
import { getContractOverview } from "@/lib/contracts/queries";
import { getDb } from "@/lib/db/client";
import { readCampaignEvaluation } from "@/lib/evaluations/read";
import { buildEvaluationReport, type EvaluationReport } from "./model";

/**
 * The report of campaign `campaignId` of a contract the actor reads in the workspace; a
 * NotFoundError for a contract they may not read, another territory's, or a campaign of
 * another contract.
 */
export async function getEvaluationReport(
  actor: Actor,
  territorySlug: string,
  contractId: string,
  campaignId: string,
  now: Date,
): Promise<EvaluationReport> {
  const contract = await getContractOverview(actor, territorySlug, contractId);
  const read = await readCampaignEvaluation(getDb(), contract.id, campaignId, now);
  return buildEvaluationReport(read, { territory: contract.territory, contractTitle: contract.title, generatedAt: now });
}
