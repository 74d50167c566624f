// The trail of every workspace page: Mon espace › territory › contract › fiche › the page.
// The last step is the page itself, shown without a link.
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { ficheLabel } from "@/lib/contracts/labels";

type Props = {
  territory: { slug: string; name: string };
  contract?: { id: string; title: string };
  fiche?: { id: string; number: number };
  /** The page's own name, when it is not the last record above (« Modifier », « Historique »…). */
  current?: string;
};

export function WorkspaceBreadcrumb({ territory, contract, fiche, current }: Props) {
  const territoryPath = `/espace/${territory.slug}`;
  const contractPath = contract ? `${territoryPath}/contrats/${contract.id}` : territoryPath;
  const items = [
    { label: "Mon espace", href: "/espace" },
    { label: territory.name, href: territoryPath },
    ...(contract ? [{ label: contract.title, href: contractPath }] : []),
    ...(fiche ? [{ label: ficheLabel(fiche.number), href: `${contractPath}/fiches/${fiche.id}` }] : []),
    ...(current ? [{ label: current }] : []),
  ];
  const last = items.length - 1;
  return <Breadcrumb items={items.map((item, index) => (index === last ? { label: item.label } : item))} />;
}
