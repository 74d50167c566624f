import { Badge, type BadgeTone } from "@/components/ui/badge";
import { CONTRACT_STATUS_LABELS } from "@/lib/contracts/labels";
import type { ContractStatus } from "@/lib/db/generated/enums";

const TONE: Record<ContractStatus, BadgeTone> = {
  preparation: "neutral",
  signed: "brand",
  in_progress: "success",
  mid_term_evaluation: "warning",
  final_evaluation: "warning",
  closed: "neutral",
  renewed: "neutral",
};

export function ContractStatusBadge({ status }: { status: ContractStatus }) {
  return <Badge tone={TONE[status]}>{CONTRACT_STATUS_LABELS[status]}</Badge>;
}
