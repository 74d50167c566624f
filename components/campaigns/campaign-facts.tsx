// A campaign's period and dates, and the snapshot it froze once closed: on the contract page's
// « Évaluation » section and on the campaign's own page.
import { FactList } from "@/components/ui/fact-list";
import { periodText } from "@/lib/campaigns/labels";
import type { CampaignSummary } from "@/lib/campaigns/selects";
import { formatDate, formatDateTime } from "@/lib/format";

export function CampaignFacts({ campaign }: { campaign: CampaignSummary }) {
  return (
    <FactList
      facts={[
        { label: "Période évaluée", value: periodText(campaign.periodStart, campaign.periodEnd) ?? "Non précisée" },
        { label: "Ouverture", value: campaign.opensOn ? formatDate(campaign.opensOn) : "Non précisée" },
        campaign.status === "closed"
          ? { label: "Clôture", value: campaign.closedAt ? `Close le ${formatDateTime(campaign.closedAt)}` : "Close" }
          : { label: "Clôture prévue", value: campaign.closesOn ? formatDate(campaign.closesOn) : "Non précisée" },
        ...(campaign.snapshot ? [{ label: "Contrat figé", value: `Instantané n°\u00a0${campaign.snapshot.version}` }] : []),
      ]}
    />
  );
}
