import type { AccessRequestStatus } from "@/lib/db/generated/enums";

export const ACCESS_REQUEST_STATUS_LABELS = {
  pending: "En attente",
  confirmed: "Confirmée",
  refused: "Refusée",
} satisfies Record<AccessRequestStatus, string>;
