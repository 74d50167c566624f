// A contract's progress as two charts, each with its summary and its data table: the progress of
// each axis, and its fiches by status. The workspace dashboard reads the live fiches, the public
// page the published ones (lib/public-pages/progress.ts).
import { BarChart } from "@/components/charts/bar-chart";
import { ChartFigure } from "@/components/charts/chart-figure";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import { StackedTable } from "@/components/charts/stacked-table";
import { Table } from "@/components/ui/table";
import { FICHE_STATUS_KEYS, type BarRow, type StackedRow } from "@/lib/dashboards/series";
import { formatNumber } from "@/lib/format";

export function ProgressFigures({
  achievement,
  statuses,
  ficheCount,
  achievementNote,
}: {
  achievement: { rows: BarRow[]; summary: string };
  statuses: { rows: StackedRow[]; summary: string };
  /** The fiches the charts count: without any, the status chart has nothing to draw. */
  ficheCount: number;
  /** How an axis's progress is computed. */
  achievementNote: string;
}) {
  return (
    <div className="grid gap-6 lg:grid-cols-2">
      <ChartFigure
        id="avancement-axes"
        title="Avancement par axe"
        summary={achievement.summary}
        note={achievementNote}
        chart={achievement.rows.length ? <BarChart rows={achievement.rows} unit="percent" name="Avancement" /> : null}
        table={
          <Table
            caption="Avancement par axe"
            columns={[{ label: "Axe" }, { label: "Intitulé" }, { label: "Avancement", className: "text-right" }]}
          >
            {achievement.rows.map((row) => (
              <tr key={row.label}>
                <th scope="row" className="whitespace-nowrap">
                  {row.label}
                </th>
                <td>{row.title}</td>
                <td className="num">{row.value === null ? "—" : `${formatNumber(row.value)}\u202f%`}</td>
              </tr>
            ))}
          </Table>
        }
      />
      <ChartFigure
        id="statuts-fiches"
        title="Fiches actions par statut"
        summary={statuses.summary}
        chart={ficheCount ? <StackedBarChart rows={statuses.rows} series={FICHE_STATUS_KEYS} /> : null}
        table={
          ficheCount ? (
            <StackedTable caption="Fiches actions par statut et par axe" category="Axe" rows={statuses.rows} keys={FICHE_STATUS_KEYS} />
          ) : null
        }
      />
    </div>
  );
}
