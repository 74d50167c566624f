// A contract's status as a badge: the stored status (the workspace), or what the public reads of
// it on a given day (lib/contracts/public-status.ts), with the day that says it beside the badge.
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { CONTRACT_STATUS_LABELS } from "@/lib/contracts/labels";
import type { PublicContractStatus, PublicStatusKey } from "@/lib/contracts/public-status";
import type { ContractStatus } from "@/lib/db/generated/enums";

const TONE: Record<PublicStatusKey, BadgeTone> = {
  preparation: "neutral",
  signed: "brand",
  in_progress: "success",
  mid_term_evaluation: "warning",
  final_evaluation: "warning",
  closed: "neutral",
  renewed: "neutral",
  upcoming: "brand",
  expired: "neutral",
};

export function ContractStatusBadge({
  status,
  withDetail = false,
}: {
  /** The stored status, or the public one (`publicContractStatus`). */
  status: ContractStatus | PublicContractStatus;
  /** Shows the public status's day beside the badge (« Échu le 12 mars 2026 »). */
  withDetail?: boolean;
}) {
  if (typeof status === "string") return <Badge tone={TONE[status]}>{CONTRACT_STATUS_LABELS[status]}</Badge>;
  const badge = <Badge tone={TONE[status.key]}>{status.label}</Badge>;
  if (!withDetail || !status.detail) return badge;
  return (
    <>
      {badge} <span className="text-sm text-slate-700">{status.detail}</span>
    </>
  );
}
