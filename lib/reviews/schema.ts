// Inputs of the review workflow: opening a thread on a contract or a part of it, commenting in
// it, resolving and reopening it, and the steps of a stage (submit, request changes, approve).
import { z } from "zod";
import { ReviewSubjectKind, ReviewTargetKind } from "@/lib/db/generated/enums";
import { requiredText, uuidField, versionField, versionOrNewField } from "@/lib/validation/fields";

/** A comment's length at most (the database checks it too). */
export const REVIEW_COMMENT_MAX = 5000;

const body = requiredText("Écrivez votre commentaire.", REVIEW_COMMENT_MAX, { multiline: true });
const threadId = uuidField("Discussion introuvable.");
const stageId = uuidField("Étape de revue introuvable.");

export const openReviewThreadSchema = z.object({
  contractId: uuidField("Contrat introuvable."),
  targetKind: z.enum(ReviewTargetKind, { error: "Élément introuvable." }),
  targetId: uuidField("Élément introuvable."),
  body,
});

export const commentReviewThreadSchema = z.object({ threadId, body });

export const reviewThreadStepSchema = z.object({ threadId, version: versionField });

/** A stage not yet created reads as version 0: the first submission creates it. */
export const submitReviewStageSchema = z.object({
  subjectKind: z.enum(ReviewSubjectKind, { error: "Étape de revue introuvable." }),
  subjectId: uuidField("Étape de revue introuvable."),
  version: versionOrNewField,
});

export const requestReviewChangesSchema = z.object({
  stageId,
  version: versionField,
  reason: requiredText("Dites ce qui doit changer.", REVIEW_COMMENT_MAX, { multiline: true }),
});

export const approveReviewStageSchema = z.object({ stageId, version: versionField });
