// The top of each page of one fiche: its title, where it sits, when it last changed, and the tabs
// between its form, its indicators and its history.
import { PageHeader } from "@/components/ui/page-header";
import { TabNav } from "@/components/ui/tab-nav";
import { WorkspaceBreadcrumb } from "@/components/workspace/workspace-breadcrumb";
import { ficheLabel } from "@/lib/contracts/labels";
import { formatDateTime, formatNumber } from "@/lib/format";

export type FichePage = "fiche" | "indicateurs" | "historique";

const CURRENT_LABELS = { fiche: undefined, indicateurs: "Indicateurs", historique: "Historique" } as const;

export function FicheHeader({
  fiche,
  contract,
  indicators,
  current,
}: {
  fiche: { id: string; number: number; title: string; updatedAt: Date };
  contract: { id: string; title: string; territory: { slug: string; name: string } };
  /** How many indicators the fiche has, for its tab. */
  indicators: number;
  current: FichePage;
}) {
  const path = `/espace/${contract.territory.slug}/contrats/${contract.id}/fiches/${fiche.id}`;
  return (
    <>
      <PageHeader
        title={`${ficheLabel(fiche.number)} – ${fiche.title}`}
        eyebrow={<WorkspaceBreadcrumb territory={contract.territory} contract={contract} fiche={fiche} current={CURRENT_LABELS[current]} />}
      >
        <p className="text-base text-slate-600">Dernière modification le {formatDateTime(fiche.updatedAt)}.</p>
      </PageHeader>
      <TabNav
        label="Pages de la fiche"
        tabs={[
          { href: path, label: "La fiche", current: current === "fiche" },
          { href: `${path}/indicateurs`, label: `Indicateurs (${formatNumber(indicators)})`, current: current === "indicateurs" },
          { href: `${path}/historique`, label: "Historique des modifications", current: current === "historique" },
        ]}
      />
    </>
  );
}
