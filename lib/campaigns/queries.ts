// Reads of evaluation campaigns for pages. Authorization is the caller's: the contract page has
// authorized the contract before it lists its campaigns.
import { getDb } from "@/lib/db/client";
import { campaignSummarySelect } from "./selects";

/** A contract's campaigns (two at most: one per kind), mid-term first. */
export function listContractCampaigns(contractId: string) {
  return getDb().evaluationCampaign.findMany({ where: { contractId }, orderBy: { kind: "asc" }, select: campaignSummarySelect });
}
