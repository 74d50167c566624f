"use server";

// The review workflow's actions, for both sides: the agency's from the read-only pages, the
// territory's from its workspace and contract pages.
import { serverAction } from "@/lib/actions/server";
import {
  answerReviewThread,
  approveReviewStage,
  commentReviewThread,
  openReviewThread,
  reopenReviewThread,
  requestReviewChanges,
  resolveReviewThread,
  settleReviewThread,
  submitReviewStage,
} from "@/lib/reviews/mutations";

export const openReviewThreadAction = serverAction(openReviewThread);
export const commentReviewThreadAction = serverAction(commentReviewThread);
export const answerReviewThreadAction = serverAction(answerReviewThread);
export const resolveReviewThreadAction = serverAction(resolveReviewThread);
export const settleReviewThreadAction = serverAction(settleReviewThread);
export const reopenReviewThreadAction = serverAction(reopenReviewThread);
export const submitReviewStageAction = serverAction(submitReviewStage);
export const requestReviewChangesAction = serverAction(requestReviewChanges);
export const approveReviewStageAction = serverAction(approveReviewStage);
