import { TabNav } from "@/components/ui/tab-nav";
import { formatNumber } from "@/lib/format";

export type FichePage = "fiche" | "indicateurs" | "historique";

/** The pages of one fiche: its form, its indicators and their measurements, its history. */
export function FicheTabs({ path, indicators, current }: { path: string; indicators: number; current: FichePage }) {
  return (
    <TabNav
      label="Pages de la fiche"
      tabs={[
        { href: path, label: "La fiche", current: current === "fiche" },
        { href: `${path}/indicateurs`, label: `Indicateurs (${formatNumber(indicators)})`, current: current === "indicateurs" },
        { href: `${path}/historique`, label: "Historique des modifications", current: current === "historique" },
      ]}
    />
  );
}
