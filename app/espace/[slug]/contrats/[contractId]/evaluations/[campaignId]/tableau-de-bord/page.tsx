import type { Metadata } from "next";
import { cache } from "react";
import { z } from "zod";
import { BarChart } from "@/components/charts/bar-chart";
import { ChartFigure } from "@/components/charts/chart-figure";
import { GroupedBarChart } from "@/components/charts/grouped-bar-chart";
import { IndicatorTable } from "@/components/charts/indicator-table";
import { PlannedSpentTable } from "@/components/charts/planned-spent-table";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import { StackedTable } from "@/components/charts/stacked-table";
import { TrajectoryFigure } from "@/components/charts/trajectory-figure";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import { WorkspaceBreadcrumb } from "@/components/workspace/workspace-breadcrumb";
import { loadAuthorized } from "@/lib/auth/require";
import { CAMPAIGN_KIND_LABELS, periodText } from "@/lib/campaigns/labels";
import {
  budgetPlannedSpent,
  CAMPAIGN_SHORT_LABELS,
  PLANNED_SPENT,
  campaignAchievementByAxis,
  compareCampaigns,
  CONTRIBUTION_KEYS,
  contributionsByPartner,
  criteriaAverages,
  REALISATION_KEYS,
  realisationByAxis,
} from "@/lib/dashboards/evaluation-series";
import { getCampaignDashboard, INDICATORS_PER_PAGE, TRAJECTORY_MEASUREMENTS } from "@/lib/dashboards/queries";
import { indicatorsByStanding, indicatorTrajectory } from "@/lib/dashboards/series";
import { evaluationDay } from "@/lib/evaluations/figures";
import { formatCount, formatDate, formatNumber } from "@/lib/format";
import { firstValue, listHref, listParamsSchema } from "@/lib/params/list-params";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string; contractId: string; campaignId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** The partners a chart draws at most; its table lists them all. */
const CHARTED_PARTNERS = 12;
const MID_TERM_FINAL = [
  { key: "midTerm", label: CAMPAIGN_SHORT_LABELS.mid_term, color: "#145866" },
  { key: "final", label: CAMPAIGN_SHORT_LABELS.final, color: "#b45309" },
];

const dashboardParams = z.object({
  page: listParamsSchema.shape.page,
  indicateur: z.preprocess(firstValue, z.uuid().optional()).catch(undefined),
});

const load = cache((slug: string, contractId: string, campaignId: string) =>
  loadAuthorized(
    `/espace/${slug}/contrats/${contractId}/evaluations/${campaignId}/tableau-de-bord`,
    { slug, contractId, campaignId },
    (actor) => getCampaignDashboard(actor, slug, contractId, campaignId, { today: new Date() }),
  ),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, contractId, campaignId } = await params;
  const { data } = await load(slug, contractId, campaignId);
  return { title: `Tableau de bord · ${CAMPAIGN_KIND_LABELS[data.campaign.kind]} · ${data.contract.title}` };
}

const numeric = "num whitespace-nowrap";
const rate = (value: number | null) => (value === null ? "—" : `${formatNumber(value)}\u202f%`);

export default async function CampaignDashboardPage({ params, searchParams }: Props) {
  const { slug, contractId, campaignId } = await params;
  const query = dashboardParams.parse(await searchParams);
  const { data } = await load(slug, contractId, campaignId);
  const { contract, campaign, figures } = data;
  const today = new Date();
  const asOf = evaluationDay(campaign, today);
  const path = `/espace/${contract.territory.slug}/contrats/${contract.id}/evaluations/${campaign.id}/tableau-de-bord`;
  const kindLabel = CAMPAIGN_KIND_LABELS[campaign.kind];

  const achievement = campaignAchievementByAxis(figures.axes);
  const realisation = realisationByAxis(figures.axes);
  const criteria = criteriaAverages(figures.criteria);
  const standings = indicatorsByStanding(figures.axes, figures.indicators, asOf);
  const budget = budgetPlannedSpent(figures.budget, figures.budgetTotal);
  const contributions = contributionsByPartner(figures.contributions);

  const chosen =
    figures.indicators.find((indicator) => indicator.id === query.indicateur) ??
    figures.indicators.find((indicator) => indicator.measurements.length) ??
    null;
  const drawn = chosen?.measurements.slice(-TRAJECTORY_MEASUREMENTS) ?? [];
  const trajectory = chosen ? indicatorTrajectory(chosen, drawn, asOf) : null;
  const pageCount = Math.max(1, Math.ceil(figures.indicators.length / INDICATORS_PER_PAGE));
  const page = Math.min(query.page, pageCount);
  const indicatorPage = figures.indicators.slice((page - 1) * INDICATORS_PER_PAGE, page * INDICATORS_PER_PAGE);
  const indicatorHref = (id: string) => `${listHref(path, { indicateur: id }, page)}#trajectoire`;

  const comparison = data.other
    ? campaign.kind === "mid_term"
      ? compareCampaigns({ kind: "mid_term", figures }, { kind: "final", figures: data.other.totals })
      : compareCampaigns({ kind: "mid_term", figures: data.other.totals }, { kind: "final", figures })
    : null;
  const period = periodText(campaign.periodStart, campaign.periodEnd);

  return (
    <>
      <PageHeader
        title={`Tableau de bord de l’${kindLabel.toLowerCase()}`}
        eyebrow={<WorkspaceBreadcrumb territory={contract.territory} contract={contract} current={`${kindLabel} · tableau de bord`} />}
      >
        <p>
          {campaign.status === "closed" && campaign.closedAt
            ? `Les chiffres de la campagne close le ${formatDate(campaign.closedAt)}, figés à sa clôture`
            : `Les chiffres de la campagne en cours au ${formatDate(today)}`}
          {period ? `, pour la période ${period}` : ""}&#8239;: {formatNumber(figures.assessed)} fiches actions évaluées sur{" "}
          {formatNumber(figures.fiches.length)}. Chaque graphique est résumé en une phrase et ses données sont dans un tableau.
        </p>
      </PageHeader>
      <div className="dashboard mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
        <Section id="realisation" title="Réalisation des fiches actions">
          <div className="grid gap-6 lg:grid-cols-2">
            <ChartFigure
              id="realisation-axes"
              title="Taux de réalisation moyen par axe"
              summary={achievement.summary}
              note="Moyenne des taux de réalisation que donnent les fiches actions évaluées de chaque axe."
              chart={figures.axes.length ? <BarChart rows={achievement.rows} unit="percent" name="Taux de réalisation" /> : null}
              table={
                <Table
                  caption="Taux de réalisation moyen par axe"
                  columns={[
                    { label: "Axe" },
                    { label: "Intitulé", className: "hidden sm:table-cell" },
                    { label: "Fiches évaluées", className: "text-right" },
                    { label: "Taux moyen", className: "text-right" },
                  ]}
                >
                  {achievement.rows.map((entry) => (
                    <tr key={entry.label}>
                      <th scope="row" className="whitespace-nowrap">
                        {entry.label}
                      </th>
                      <td className="hidden sm:table-cell">{entry.title}</td>
                      <td className={numeric}>
                        {formatNumber(entry.assessed)} sur {formatNumber(entry.fiches)}
                      </td>
                      <td className={numeric}>{rate(entry.value)}</td>
                    </tr>
                  ))}
                </Table>
              }
            />
            <ChartFigure
              id="realisation-statuts"
              title="Fiches actions par réalisation"
              summary={realisation.summary}
              chart={figures.fiches.length ? <StackedBarChart rows={realisation.rows} series={REALISATION_KEYS} /> : null}
              table={
                figures.fiches.length ? (
                  <StackedTable
                    caption="Fiches actions par réalisation et par axe"
                    category="Axe"
                    rows={realisation.rows}
                    keys={REALISATION_KEYS}
                  />
                ) : null
              }
            />
          </div>
          <div className="mt-6">
            <ChartFigure
              id="criteres"
              title="Note moyenne par critère"
              summary={criteria.summary}
              note="Chaque critère est noté de 1 (insuffisant) à 4 (très satisfaisant) dans l’évaluation de chaque fiche action."
              chart={
                criteria.rows.some((entry) => entry.value !== null) ? (
                  <BarChart rows={criteria.rows} unit="rating" name="Note moyenne" />
                ) : null
              }
              table={
                <Table
                  caption="Note moyenne par critère"
                  columns={[
                    { label: "Critère" },
                    { label: "Note moyenne sur 4", className: "text-right" },
                    { label: "Fiches notées", className: "text-right" },
                  ]}
                >
                  {criteria.rows.map((entry) => (
                    <tr key={entry.label}>
                      <th scope="row">{entry.label}</th>
                      <td className={numeric}>{entry.value === null ? "—" : formatNumber(entry.value)}</td>
                      <td className={numeric}>{formatNumber(entry.count)}</td>
                    </tr>
                  ))}
                </Table>
              }
            />
          </div>
        </Section>

        <Section
          id="indicateurs"
          title={`Indicateurs (${formatNumber(figures.indicators.length)})`}
          description={<p>{standings.summary}</p>}
        >
          <div className="space-y-6">
            {trajectory && chosen ? (
              <TrajectoryFigure
                indicator={chosen}
                trajectory={trajectory}
                note={
                  chosen.measurements.length > drawn.length
                    ? `Les ${formatNumber(drawn.length)} dernières mesures sur ${formatNumber(chosen.measurements.length)}. Choisissez un autre indicateur dans le tableau ci-dessous.`
                    : "Choisissez un autre indicateur dans le tableau ci-dessous."
                }
              />
            ) : null}
            {figures.indicators.length ? (
              <div className="relative overflow-x-auto">
                <IndicatorTable
                  caption={
                    pageCount > 1
                      ? `Chaque indicateur face à sa cible, page ${formatNumber(page)} sur ${formatNumber(pageCount)}`
                      : "Chaque indicateur face à sa cible"
                  }
                  rows={indicatorPage.map((row) => ({ ...row, href: indicatorHref(row.id) }))}
                  chosenId={chosen?.id ?? null}
                  showGap
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

        <Section id="budget" title="Budget prévu et dépensé">
          <ChartFigure
            id="budget-financeurs"
            title="Budget prévu et dépensé par financeur"
            summary={budget.summary}
            note="Le dépensé est celui que les évaluations des fiches actions déclarent pour la période."
            chart={
              budget.rows.length ? (
                <GroupedBarChart
                  rows={budget.rows.map((entry) => ({ label: entry.label, values: { planned: entry.planned, spent: entry.spent } }))}
                  series={PLANNED_SPENT}
                  unit="euros"
                />
              ) : null
            }
            table={budget.rows.length ? <PlannedSpentTable rows={budget.rows} /> : null}
          />
        </Section>

        <Section id="engagements" title="Engagements des partenaires">
          <ChartFigure
            id="engagements-partenaires"
            title="Engagements tenus par partenaire"
            summary={contributions.summary}
            note={
              <>
                Selon ce que chaque partenaire a déclaré pour la campagne
                {contributions.rows.length > CHARTED_PARTNERS
                  ? `. Le graphique montre les ${formatNumber(CHARTED_PARTNERS)} partenaires qui ont le plus d’engagements, le tableau les ${formatCount(contributions.rows.length, "partenaire", "partenaires")}.`
                  : "."}
              </>
            }
            chart={
              contributions.rows.length ? (
                <StackedBarChart rows={contributions.rows.slice(0, CHARTED_PARTNERS)} series={CONTRIBUTION_KEYS} />
              ) : null
            }
            table={
              contributions.rows.length ? (
                <StackedTable
                  caption="Engagements par partenaire"
                  category="Partenaire"
                  rows={contributions.rows}
                  keys={CONTRIBUTION_KEYS}
                />
              ) : null
            }
          />
        </Section>

        {comparison ? (
          <Section id="comparaison" title="Mi-parcours et évaluation finale">
            <ChartFigure
              id="comparaison-axes"
              title="Taux de réalisation moyen par axe, à mi-parcours et à l’évaluation finale"
              summary={comparison.summary}
              chart={
                <GroupedBarChart
                  rows={comparison.axes.map((entry) => ({ label: entry.label, values: { midTerm: entry.midTerm, final: entry.final } }))}
                  series={MID_TERM_FINAL}
                  unit="percent"
                />
              }
              table={
                <Table
                  caption="Taux de réalisation moyen par axe"
                  columns={[
                    { label: "Axe" },
                    { label: CAMPAIGN_SHORT_LABELS.mid_term, className: "text-right" },
                    { label: CAMPAIGN_SHORT_LABELS.final, className: "text-right" },
                  ]}
                >
                  {comparison.axes.map((entry) => (
                    <tr key={entry.label}>
                      <th scope="row">{entry.label}</th>
                      <td className={numeric}>{rate(entry.midTerm)}</td>
                      <td className={numeric}>{rate(entry.final)}</td>
                    </tr>
                  ))}
                </Table>
              }
            />
            <div className="mt-6 relative overflow-x-auto">
              <Table
                caption="Fiches actions par réalisation et budget, à mi-parcours et à l’évaluation finale"
                showCaption
                columns={[
                  { label: "Réalisation et budget" },
                  { label: CAMPAIGN_SHORT_LABELS.mid_term, className: "text-right" },
                  { label: CAMPAIGN_SHORT_LABELS.final, className: "text-right" },
                ]}
              >
                {comparison.realisation.map((entry) => (
                  <tr key={entry.key}>
                    <th scope="row">{entry.label}</th>
                    <td className={numeric}>{formatNumber(entry.midTerm)}</td>
                    <td className={numeric}>{formatNumber(entry.final)}</td>
                  </tr>
                ))}
                {comparison.budget.map((entry) => (
                  <tr key={entry.label}>
                    <th scope="row">{entry.label}</th>
                    <td className={numeric}>{entry.midTerm}</td>
                    <td className={numeric}>{entry.final}</td>
                  </tr>
                ))}
              </Table>
            </div>
          </Section>
        ) : null}
      </div>
    </>
  );
}
