// The « Évaluation » section of a public contract page: the last closed campaign's period,
// synthesis, key figures and two charts, from lib/public-pages/evaluation.ts (no budget, no
// partners' contributions, no meeting minutes).
import { BarChart } from "@/components/charts/bar-chart";
import { ChartFigure } from "@/components/charts/chart-figure";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import { StackedTable } from "@/components/charts/stacked-table";
import { FactList } from "@/components/ui/fact-list";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import { CAMPAIGN_KIND_LABELS, periodText } from "@/lib/campaigns/labels";
import { formatDate, formatNumber } from "@/lib/format";
import { REALISATION_KEYS } from "@/lib/dashboards/evaluation-series";
import type { PublicEvaluation } from "@/lib/public-pages/evaluation";

const percent = (value: number | null) => (value === null ? "—" : `${formatNumber(value)}\u202f%`);

export function PublicEvaluationSection({ evaluation }: { evaluation: PublicEvaluation }) {
  const period = periodText(evaluation.periodStart, evaluation.periodEnd);
  const { achievementByAxis, realisationByAxis, realisation } = evaluation;
  return (
    <Section
      id="evaluation"
      title={CAMPAIGN_KIND_LABELS[evaluation.kind]}
      description={
        <p>
          {period ? `Période évaluée ${period}, évaluation` : "Évaluation"} close le{" "}
          <time dateTime={evaluation.closedAt.toISOString().slice(0, 10)}>{formatDate(evaluation.closedAt)}</time>.
        </p>
      }
    >
      {evaluation.synthesis ? (
        <p className="mb-6 max-w-3xl leading-relaxed whitespace-pre-line text-slate-800">{evaluation.synthesis}</p>
      ) : null}
      <FactList
        facts={[
          { label: "Fiches actions évaluées", value: `${formatNumber(evaluation.assessed)} sur ${formatNumber(evaluation.fiches)}` },
          {
            label: "Taux de réalisation moyen",
            value: evaluation.achievement === null ? "Non renseigné" : percent(evaluation.achievement),
          },
          ...REALISATION_KEYS.filter(({ key }) => key !== "unassessed").map(({ key, label }) => ({
            label,
            value: formatNumber(realisation[key as keyof typeof realisation]),
          })),
        ]}
      />
      <div className="mt-6 grid gap-6 lg:grid-cols-2">
        <ChartFigure
          id="evaluation-taux"
          title="Taux de réalisation moyen par axe"
          summary={achievementByAxis.summary}
          chart={<BarChart rows={achievementByAxis.rows} unit="percent" name="Taux de réalisation moyen" />}
          table={
            <Table
              caption="Taux de réalisation moyen par axe"
              columns={[
                { label: "Axe" },
                { label: "Fiches évaluées", className: "text-right" },
                { label: "Taux moyen", className: "text-right" },
              ]}
            >
              {achievementByAxis.rows.map((row) => (
                <tr key={row.label}>
                  <th scope="row">
                    <span className="whitespace-nowrap">{row.label}</span>
                    <span className="block font-normal text-slate-600">{row.title}</span>
                  </th>
                  <td className="num">{`${formatNumber(row.assessed)} sur ${formatNumber(row.fiches)}`}</td>
                  <td className="num">{percent(row.value)}</td>
                </tr>
              ))}
            </Table>
          }
        />
        <ChartFigure
          id="evaluation-realisation"
          title="Réalisation des fiches actions par axe"
          summary={realisationByAxis.summary}
          chart={<StackedBarChart rows={realisationByAxis.rows} series={REALISATION_KEYS} />}
          table={
            <StackedTable
              caption="Réalisation des fiches actions par axe"
              category="Axe"
              rows={realisationByAxis.rows}
              keys={REALISATION_KEYS}
            />
          }
        />
      </div>
      <h3 className="mt-6 text-lg font-semibold text-slate-900">Indicateurs</h3>
      <p className="mt-1 max-w-3xl text-slate-800">{evaluation.indicators}</p>
    </Section>
  );
}
