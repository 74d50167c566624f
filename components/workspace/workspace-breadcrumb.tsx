// The trail of every workspace page: Mon espace › territory › contract › campaign or fiche › the page.
// The last step is the page itself, shown without a link.
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { campaignPath } from "@/lib/assessments/paths";
import { CAMPAIGN_KIND_LABELS } from "@/lib/campaigns/labels";
import { ficheLabel } from "@/lib/contracts/labels";
import type { EvaluationKind } from "@/lib/db/generated/enums";

type Props = {
  territory: { slug: string; name: string };
  contract?: { id: string; title: string };
  /** An evaluation campaign of the contract, whose pages are under it. */
  campaign?: { id: string; kind: EvaluationKind };
  fiche?: { id: string; number: number };
  /** The page's own name, when it is not the last record above (« Modifier », « Historique »…). */
  current?: string;
};

export function WorkspaceBreadcrumb({ territory, contract, campaign, fiche, current }: Props) {
  const territoryPath = `/espace/${territory.slug}`;
  const contractPath = contract ? `${territoryPath}/contrats/${contract.id}` : territoryPath;
  const items = [
    { label: "Mon espace", href: "/espace" },
    { label: territory.name, href: territoryPath },
    ...(contract ? [{ label: contract.title, href: contractPath }] : []),
    ...(contract && campaign
      ? [
          {
            label: CAMPAIGN_KIND_LABELS[campaign.kind],
            href: campaignPath({ territorySlug: territory.slug, contractId: contract.id, campaignId: campaign.id }),
          },
        ]
      : []),
    ...(fiche ? [{ label: ficheLabel(fiche.number), href: `${contractPath}/fiches/${fiche.id}` }] : []),
    ...(current ? [{ label: current }] : []),
  ];
  const last = items.length - 1;
  return <Breadcrumb items={items.map((item, index) => (index === last ? { label: item.label } : item))} />;
}
