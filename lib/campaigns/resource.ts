// The scope keys authorization reads of an evaluation campaign: its contract's.
import { NotFoundError } from "@/lib/authz";
import { loadContractResource } from "@/lib/contracts/resource";
import type { Db } from "@/lib/db/client";

export async function loadCampaignResource(db: Db, campaignId: string) {
  const campaign = await db.evaluationCampaign.findUnique({ where: { id: campaignId }, select: { contractId: true } });
  if (!campaign) throw new NotFoundError();
  return loadContractResource(db, campaign.contractId);
}
