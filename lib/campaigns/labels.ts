// French labels of evaluation campaigns.
import type { CampaignStatus, EvaluationKind } from "@/lib/db/generated/enums";
import { formatDate } from "@/lib/format";

export const CAMPAIGN_KIND_LABELS = {
  mid_term: "Évaluation à mi-parcours",
  final: "Évaluation finale",
} satisfies Record<EvaluationKind, string>;

export const CAMPAIGN_STATUS_LABELS = { open: "Ouverte", closed: "Close" } satisfies Record<CampaignStatus, string>;

/** Field names of a campaign in the audit log. */
export const CAMPAIGN_FIELD_LABELS: Record<string, string> = {
  kind: "Évaluation",
  periodStart: "Début de la période évaluée",
  periodEnd: "Fin de la période évaluée",
  opensOn: "Ouverture",
  closesOn: "Clôture prévue",
  synthesis: "Synthèse",
  recommendations: "Recommandations",
  status: "Statut",
  snapshot: "Instantané",
};

/** The period a campaign evaluates, in a sentence: "du 1er janvier 2024 au 30 juin 2026". */
export const periodText = (start: Date | null, end: Date | null) => (start && end ? `du ${formatDate(start)} au ${formatDate(end)}` : null);
