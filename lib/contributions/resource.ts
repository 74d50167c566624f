// The scope keys authorization reads of a contribution: its commitment's (lib/commitments), so
// that only partners of the committed organisation write it. The campaign must be one of the
// commitment's contract: any other campaign is not found.
import { NotFoundError, type Resource } from "@/lib/authz";
import { loadCommitmentResource } from "@/lib/commitments/resource";
import type { Db } from "@/lib/db/client";

/** The commitment, on a fiche or on one of its objectives. */
const holdsCommitment = (commitmentId: string) => ({
  OR: [{ commitments: { some: { id: commitmentId } } }, { objectives: { some: { commitments: { some: { id: commitmentId } } } } }],
});

export async function loadContributionResource(
  db: Db,
  { campaignId, commitmentId }: { campaignId: string; commitmentId: string },
): Promise<Resource> {
  const resource = await loadCommitmentResource(db, commitmentId);
  const campaign = await db.evaluationCampaign.findFirst({
    where: { id: campaignId, contract: { fiches: { some: holdsCommitment(commitmentId) } } },
    select: { id: true },
  });
  if (!campaign) throw new NotFoundError();
  return resource;
}
