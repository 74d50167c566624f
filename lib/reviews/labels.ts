// French words of the review workflow.
import { amendmentLabel } from "@/lib/amendments/labels";
import { CAMPAIGN_KIND_LABELS } from "@/lib/campaigns/labels";
import { axisLabel, ficheLabel } from "@/lib/contracts/labels";
import type { EvaluationKind, ReviewStageState, ReviewSubjectKind, ReviewTargetKind, ReviewThreadStatus } from "@/lib/db/generated/enums";

export const REVIEW_TARGET_KIND_LABELS: Record<ReviewTargetKind, string> = {
  contract: "Contrat",
  axis: "Axe",
  fiche: "Fiche action",
  campaign: "Campagne d’évaluation",
  amendment: "Avenant",
};

export const REVIEW_THREAD_STATUS_LABELS: Record<ReviewThreadStatus, string> = { open: "Ouverte", resolved: "Résolue" };

export const REVIEW_SUBJECT_KIND_LABELS: Record<ReviewSubjectKind, string> = {
  draft: "Projet de contrat",
  evaluation_report: "Rapport d’évaluation",
  amendment: "Avenant",
};

export const REVIEW_STAGE_STATE_LABELS: Record<ReviewStageState, string> = {
  not_submitted: "Non soumis à l’ARS",
  submitted: "Soumis à l’ARS, avis attendu",
  changes_requested: "Modifications demandées par l’ARS",
  favourable: "Avis favorable de l’ARS",
};

export const REVIEW_STAGE_STATE_TONES: Record<ReviewStageState, "neutral" | "brand" | "success" | "warning"> = {
  not_submitted: "neutral",
  submitted: "brand",
  changes_requested: "warning",
  favourable: "success",
};

/** What a thread's target is called in lists, notices and the audit log. */
export type ReviewTargetNames = {
  targetKind: ReviewTargetKind;
  axisNumber: number | null;
  axisTransversal: boolean | null;
  axisTitle: string | null;
  ficheNumber: number | null;
  ficheTitle: string | null;
  campaignKind: EvaluationKind | null;
  amendmentNumber: number | null;
};

/** "Fiche n° 3 « Titre »", "Axe 2 « Titre »", "Évaluation à mi-parcours", "Le contrat". */
export function reviewTargetLabel(names: ReviewTargetNames): string {
  switch (names.targetKind) {
    case "contract":
      return "Le contrat";
    case "axis":
      return names.axisTitle === null
        ? "Axe supprimé"
        : `${axisLabel({ number: names.axisNumber, isTransversal: Boolean(names.axisTransversal) })} «\u00a0${names.axisTitle}\u00a0»`;
    case "fiche":
      return names.ficheNumber === null ? "Fiche supprimée" : `${ficheLabel(names.ficheNumber)} «\u00a0${names.ficheTitle}\u00a0»`;
    case "campaign":
      return names.campaignKind === null ? "Campagne supprimée" : CAMPAIGN_KIND_LABELS[names.campaignKind];
    case "amendment":
      return names.amendmentNumber === null ? "Avenant supprimé" : amendmentLabel(names.amendmentNumber);
  }
}
