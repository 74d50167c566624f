import { Badge } from "@/components/ui/badge";
import { CAMPAIGN_STATUS_LABELS } from "@/lib/campaigns/labels";
import type { CampaignStatus } from "@/lib/db/generated/enums";

/** « Ouverte » stands out; « Close » is the quiet end of a campaign. */
export function CampaignStatusBadge({ status }: { status: CampaignStatus }) {
  return <Badge tone={status === "open" ? "brand" : "neutral"}>{CAMPAIGN_STATUS_LABELS[status]}</Badge>;
}
