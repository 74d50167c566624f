import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { z } from "zod";
import { BarChart } from "@/components/charts/bar-chart";
import { ChartFigure } from "@/components/charts/chart-figure";
import { GroupedBarChart } from "@/components/charts/grouped-bar-chart";
import { IndicatorTable } from "@/components/charts/indicator-table";
import { PlannedSpentTable } from "@/components/charts/planned-spent-table";
import { ProgressFigures } from "@/components/charts/progress-figures";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import { StackedTable } from "@/components/charts/stacked-table";
import { TrajectoryFigure } from "@/components/charts/trajectory-figure";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import { WorkspaceBreadcrumb } from "@/components/workspace/workspace-breadcrumb";
import { loadAuthorized } from "@/lib/auth/require";
import { CAMPAIGN_KIND_LABELS, CAMPAIGN_STATUS_LABELS } from "@/lib/campaigns/labels";
import { budgetPlannedSpent, PLANNED_SPENT, plannedAndSpent } from "@/lib/dashboards/evaluation-series";
import { getContractDashboard, INDICATORS_PER_PAGE } from "@/lib/dashboards/queries";
import {
  achievementByAxis,
  budgetByFunder,
  COMMITMENT_KEYS,
  commitmentsByPartner,
  fichesByStatus,
  indicatorsByStanding,
  indicatorTrajectory,
  judgeDashboardIndicator,
  STANDING_KEYS,
} from "@/lib/dashboards/series";
import { formatCount, formatDate, formatEuros, formatNumber } from "@/lib/format";
import { firstValue, listHref, listParamsSchema } from "@/lib/params/list-params";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string; contractId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The partners a chart draws at most; its table lists them all. */
const CHARTED_PARTNERS = 12;

const dashboardParams = z.object({
  page: listParamsSchema.shape.page,
  indicateur: z.preprocess(firstValue, z.uuid().optional()).catch(undefined),
});

const load = cache((slug: string, contractId: string, indicatorId: string | undefined) =>
  loadAuthorized(`/espace/${slug}/contrats/${contractId}/tableau-de-bord`, { slug, contractId }, (actor) =>
    getContractDashboard(actor, slug, contractId, { indicatorId, asOf: new Date() }),
  ),
);

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { slug, contractId } = await params;
  const { indicateur } = dashboardParams.parse(await searchParams);
  return { title: `Tableau de bord · ${(await load(slug, contractId, indicateur)).data.contract.title}` };
}

export default async function DashboardPage({ params, searchParams }: Props) {
  const { slug, contractId } = await params;
  const query = dashboardParams.parse(await searchParams);
  const { data } = await load(slug, contractId, query.indicateur);
  const { contract } = data;
  const asOf = new Date();
  const path = `/espace/${contract.territory.slug}/contrats/${contract.id}/tableau-de-bord`;

  const ficheCount = contract.axes.reduce((sum, axis) => sum + axis.fiches.length, 0);
  const achievement = achievementByAxis(contract.axes);
  const statuses = fichesByStatus(contract.axes);
  const standings = indicatorsByStanding(contract.axes, data.indicators, asOf);
  const budget = budgetByFunder(data.budget);
  const commitments = commitmentsByPartner(data.commitments);
  const spending = data.spendingCampaign ? budgetPlannedSpent(...plannedAndSpent(data.budget)) : null;
  const midTerm = data.campaigns.find((campaign) => campaign.kind === "mid_term");
  const final = data.campaigns.find((campaign) => campaign.kind === "final");
  const trajectory = data.trajectory ? indicatorTrajectory(data.trajectory.indicator, data.trajectory.measurements, asOf) : null;
  const pageCount = Math.max(1, Math.ceil(data.indicators.length / INDICATORS_PER_PAGE));
  const page = Math.min(query.page, pageCount);
  const indicatorPage = data.indicators.slice((page - 1) * INDICATORS_PER_PAGE, page * INDICATORS_PER_PAGE);
  const indicatorHref = (id: string) => `${listHref(path, { indicateur: id }, page)}#trajectoire`;

  return (
    <>
      <PageHeader
        title="Tableau de bord"
        eyebrow={<WorkspaceBreadcrumb territory={contract.territory} contract={contract} current="Tableau de bord" />}
      >
        <p>
          Où en est le contrat au {formatDate(asOf)}&#8239;: avancement, indicateurs, budget prévu et engagements des partenaires. Chaque
          graphique est résumé en une phrase et ses données sont dans un tableau.
        </p>
      </PageHeader>
      <div className="dashboard mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
        <Section id="avancement" title="Avancement">
          <ProgressFigures
            achievement={achievement}
            statuses={statuses}
            ficheCount={ficheCount}
            achievementNote="Moyenne des fiches actions de chaque axe (pondérée quand un poids est fixé), sans les fiches abandonnées."
          />
        </Section>

        <Section id="indicateurs" title={`Indicateurs (${formatNumber(data.indicators.length)})`}>
          <div className="space-y-6">
            <ChartFigure
              id="indicateurs-situation"
              title="Situation des indicateurs par axe"
              summary={standings.summary}
              note="Un indicateur compare sa dernière mesure à la droite qui va de sa valeur de départ à sa cible."
              chart={data.indicators.length ? <StackedBarChart rows={standings.rows} series={STANDING_KEYS} /> : null}
              table={
                data.indicators.length ? (
                  <StackedTable caption="Indicateurs par situation et par axe" category="Axe" rows={standings.rows} keys={STANDING_KEYS} />
                ) : null
              }
            />
            {trajectory && data.trajectory ? (
              <TrajectoryFigure
                indicator={data.trajectory.indicator}
                trajectory={trajectory}
                note={
                  data.trajectory.measurementCount > data.trajectory.measurements.length
                    ? `Les ${formatNumber(data.trajectory.measurements.length)} dernières mesures sur ${formatNumber(data.trajectory.measurementCount)}. Choisissez un autre indicateur dans le tableau ci-dessous.`
                    : "Choisissez un autre indicateur dans le tableau ci-dessous."
                }
              />
            ) : null}
            {data.indicators.length ? (
              <div className="relative overflow-x-auto">
                <IndicatorTable
                  caption={
                    pageCount > 1
                      ? `Chaque indicateur face à sa cible, page ${formatNumber(page)} sur ${formatNumber(pageCount)}`
                      : "Chaque indicateur face à sa cible"
                  }
                  rows={indicatorPage.map((indicator) => ({
                    ...indicator,
                    judgement: judgeDashboardIndicator(indicator, asOf),
                    href: indicatorHref(indicator.id),
                  }))}
                  chosenId={data.trajectory?.indicator.id ?? null}
                />
                <Pagination
                  page={page}
                  pageCount={pageCount}
                  href={(target) => listHref(path, { indicateur: query.indicateur }, target, "indicateurs-titre")}
                  label="Pages du tableau des indicateurs"
                />
              </div>
            ) : null}
          </div>
        </Section>

        <Section id="budget" title={spending ? "Budget prévu et dépensé" : "Budget prévu"}>
          {spending && data.spendingCampaign ? (
            <ChartFigure
              id="budget-financeurs"
              title="Budget prévu et dépensé par financeur"
              summary={`${spending.summary.slice(0, -1)}, selon l’${CAMPAIGN_KIND_LABELS[data.spendingCampaign.kind].toLowerCase()}${data.spendingCampaign.status === "open" ? " en cours" : ""}.`}
              note="Le prévu est celui des fiches actions aujourd’hui ; le dépensé, celui que déclarent les évaluations des fiches actions de la campagne."
              chart={
                <GroupedBarChart
                  rows={spending.rows.map((entry) => ({ label: entry.label, values: { planned: entry.planned, spent: entry.spent } }))}
                  series={PLANNED_SPENT}
                  unit="euros"
                />
              }
              table={<PlannedSpentTable rows={spending.rows} />}
            />
          ) : (
            <ChartFigure
              id="budget-financeurs"
              title="Budget prévu par financeur"
              summary={budget.summary}
              note="Le budget dépensé viendra des bilans des campagnes d’évaluation."
              chart={budget.rows.length ? <BarChart rows={budget.rows} unit="euros" name="Budget prévu" /> : null}
              table={
                budget.rows.length ? (
                  <Table
                    caption="Budget prévu par financeur"
                    columns={[
                      { label: "Financeur" },
                      { label: "Montant prévu", className: "text-right" },
                      { label: "Part", className: "text-right" },
                    ]}
                  >
                    {budget.rows.map((row) => (
                      <tr key={row.label}>
                        <th scope="row">{row.label}</th>
                        <td className="num whitespace-nowrap">{formatEuros(row.value ?? 0)}</td>
                        <td className="num">
                          {formatNumber(budget.total ? Math.round(((row.value ?? 0) / budget.total) * 100) : 0)}&#8239;%
                        </td>
                      </tr>
                    ))}
                    <tr>
                      <th scope="row" className="font-semibold">
                        Total
                      </th>
                      <td className="num font-semibold whitespace-nowrap">{formatEuros(budget.total)}</td>
                      <td />
                    </tr>
                  </Table>
                ) : null
              }
            />
          )}
        </Section>

        <Section id="engagements" title="Engagements des partenaires">
          <ChartFigure
            id="engagements-partenaires"
            title="Engagements tenus par partenaire"
            summary={commitments.summary}
            note={
              <>
                Un engagement est en retard quand son partenaire le dit, ou quand sa fiche action est terminée sans qu’il soit tenu
                {commitments.rows.length > CHARTED_PARTNERS
                  ? `. Le graphique montre les ${formatNumber(CHARTED_PARTNERS)} partenaires qui ont le plus d’engagements, le tableau les ${formatCount(commitments.rows.length, "partenaire", "partenaires")}.`
                  : "."}
              </>
            }
            chart={
              commitments.rows.length ? (
                <StackedBarChart rows={commitments.rows.slice(0, CHARTED_PARTNERS)} series={COMMITMENT_KEYS} />
              ) : null
            }
            table={
              commitments.rows.length ? (
                <StackedTable caption="Engagements par partenaire" category="Partenaire" rows={commitments.rows} keys={COMMITMENT_KEYS} />
              ) : null
            }
          />
        </Section>
        {data.campaigns.length ? (
          <Section id="evaluations" title={midTerm && final ? "Mi-parcours et finale" : "Évaluations"}>
            <p className="text-slate-700">
              {midTerm && final
                ? "Le tableau de bord de chaque évaluation compare le taux de réalisation par axe, les fiches réalisées et le budget dépensé à mi-parcours et à l’évaluation finale."
                : "Le tableau de bord de l’évaluation montre la réalisation des fiches actions, les critères, les indicateurs, le budget dépensé et les engagements tenus."}
            </p>
            <ul className="mt-3 space-y-1">
              {data.campaigns.map((campaign) => (
                <li key={campaign.id}>
                  <Link
                    href={`/espace/${contract.territory.slug}/contrats/${contract.id}/evaluations/${campaign.id}/tableau-de-bord${midTerm && final ? "#comparaison-titre" : ""}`}
                  >
                    Tableau de bord de l’{CAMPAIGN_KIND_LABELS[campaign.kind].toLowerCase()}
                  </Link>{" "}
                  <span className="text-slate-600">({CAMPAIGN_STATUS_LABELS[campaign.status].toLowerCase()})</span>
                </li>
              ))}
            </ul>
          </Section>
        ) : null}
      </div>
    </>
  );
}
