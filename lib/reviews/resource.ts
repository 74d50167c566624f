// The scope keys authorization reads of review threads and stages: their contract's. A stage not
// yet created is scoped by its subject (the contract, the campaign of a report, an amendment).
import { NotFoundError, type Resource } from "@/lib/authz";
import { loadAmendmentResource } from "@/lib/amendments/resource";
import { loadCampaignResource } from "@/lib/campaigns/resource";
import { loadContractResource } from "@/lib/contracts/resource";
import type { Db } from "@/lib/db/client";
import type { ReviewSubjectKind } from "@/lib/db/generated/enums";

export async function loadReviewThreadResource(db: Db, threadId: string): Promise<Resource> {
  const thread = await db.reviewThread.findUnique({ where: { id: threadId }, select: { contractId: true } });
  if (!thread) throw new NotFoundError();
  return loadContractResource(db, thread.contractId);
}

export async function loadReviewStageResource(db: Db, stageId: string): Promise<Resource> {
  const stage = await db.reviewStage.findUnique({ where: { id: stageId }, select: { contractId: true } });
  if (!stage) throw new NotFoundError();
  return loadContractResource(db, stage.contractId);
}

export function loadReviewSubjectResource(db: Db, subjectKind: ReviewSubjectKind, subjectId: string): Promise<Resource> {
  switch (subjectKind) {
    case "draft":
      return loadContractResource(db, subjectId);
    case "evaluation_report":
      return loadCampaignResource(db, subjectId);
    case "amendment":
      return loadAmendmentResource(db, subjectId);
  }
}
