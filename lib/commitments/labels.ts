// French labels of a partner's commitment ("engagement", masculine: "Réalisé", not "Réalisée").
import type { ProgressStatus } from "@/lib/db/generated/enums";

export const COMMITMENT_STATUS_LABELS = {
  not_started: "Non commencé",
  in_progress: "En cours",
  completed: "Réalisé",
  delayed: "En retard",
  abandoned: "Abandonné",
} satisfies Record<ProgressStatus, string>;
