// One indicator's trajectory as a dashboard shows it: the chart (baseline, measurements, target),
// its summary, and its points as a table.
import { ChartFigure } from "@/components/charts/chart-figure";
import { TrajectoryChart } from "@/components/charts/trajectory-chart";
import { indicatorFiche, type DashboardIndicator, type TrajectoryPoint } from "@/lib/dashboards/series";
import { TrajectoryTable } from "./trajectory-table";

export function TrajectoryFigure({
  indicator,
  trajectory,
  note,
  id = "trajectoire",
}: {
  indicator: DashboardIndicator;
  trajectory: { points: TrajectoryPoint[]; target: number | null; summary: string };
  note?: string;
  /** The figure's anchor, unique on its page: a page that shows several figures gives each its own. */
  id?: string;
}) {
  return (
    <div id={id} className="min-w-0 scroll-mt-4">
      <ChartFigure
        id={`${id}-indicateur`}
        title={`Trajectoire de l’indicateur «\u00a0${indicator.name}\u00a0» (${indicatorFiche(indicator)})`}
        summary={trajectory.summary}
        note={note}
        chart={<TrajectoryChart points={trajectory.points} target={trajectory.target} unit={indicator.unit} />}
        table={
          <TrajectoryTable caption={`Trajectoire de «\u00a0${indicator.name}\u00a0»`} points={trajectory.points} unit={indicator.unit} />
        }
      />
    </div>
  );
}
