// A closed campaign is read-only: every action that writes a campaign or its assessments calls
// assertCampaignOpen in its transaction first. The row lock makes a write and a closing taken
// at once run one after the other, so nothing lands in a campaign once its snapshot is taken.
import { RefusedError } from "@/lib/actions/errors";
import { NotFoundError } from "@/lib/authz";
import type { Tx } from "@/lib/db/client";

export const CLOSED_CAMPAIGN_MESSAGE = "Cette campagne est close\u00a0: ses chiffres ne changent plus.";

/** Locks the campaign for the rest of `tx`; a RefusedError (a result, not a crash) when it is closed. */
export async function assertCampaignOpen(tx: Tx, campaignId: string): Promise<void> {
  const [campaign] = await tx.$queryRaw<Array<{ status: string }>>`
    SELECT "status"::text AS "status" FROM "EvaluationCampaign" WHERE "id" = ${campaignId}::uuid FOR UPDATE`;
  if (!campaign) throw new NotFoundError();
  if (campaign.status !== "open") throw new RefusedError(CLOSED_CAMPAIGN_MESSAGE);
}
