// The fiches of one axis on a campaign's page: each links to its assessment (the form, or the
// read-only view), with its pilot, what became of it, its achievement rate, and whether its
// assessment is given yet.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table } from "@/components/ui/table";
import { REALISATION_STATUS_LABELS, REALISATION_STATUS_TONES } from "@/lib/assessments/labels";
import type { CampaignFiche } from "@/lib/assessments/queries";
import { ficheLabel } from "@/lib/contracts/labels";
import { formatNumber } from "@/lib/format";

export function CampaignFicheTable({
  caption,
  fiches,
  href,
}: {
  caption: string;
  fiches: readonly CampaignFiche[];
  href: (ficheId: string) => string;
}) {
  return (
    <div className="relative overflow-x-auto">
      <Table
        caption={caption}
        columns={[
          { label: "Fiche action" },
          { label: "Pilote", className: "hidden md:table-cell" },
          { label: "Réalisation" },
          { label: "Taux d’atteinte", className: "text-right" },
          { label: "Bilan" },
        ]}
        bodyClassName="divide-y divide-slate-200"
      >
        {fiches.map((fiche) => {
          const status = fiche.assessment?.realisationStatus ?? null;
          const rate = fiche.assessment?.achievementRate ?? null;
          return (
            <tr key={fiche.id} className="align-top">
              <th scope="row" className="font-normal">
                <Link href={href(fiche.id)}>
                  {ficheLabel(fiche.number)}&nbsp;: {fiche.title}
                </Link>
              </th>
              <td className="hidden text-slate-700 md:table-cell">{fiche.pilot ?? "Non désigné"}</td>
              <td>{status ? <Badge tone={REALISATION_STATUS_TONES[status]}>{REALISATION_STATUS_LABELS[status]}</Badge> : "—"}</td>
              <td className="text-right whitespace-nowrap">{rate === null ? "—" : `${formatNumber(rate)}\u00a0%`}</td>
              <td>{status ? "Évaluée" : <Badge tone="warning">À renseigner</Badge>}</td>
            </tr>
          );
        })}
      </Table>
    </div>
  );
}
