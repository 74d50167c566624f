// An evaluation campaign's report, built once from its evaluation (lib/evaluations) as typed rows:
// the PDF, Word and Excel renderers (./pdf.ts, ./docx.ts, ./xlsx.ts) only lay these rows out,
// so a column or a figure is named here and nowhere else.
import { axisLabel, ficheLabel } from "@/lib/contracts/labels";
import { CAMPAIGN_KIND_LABELS, periodText } from "@/lib/campaigns/labels";
import { evaluationDay, evaluationFigures, fromCents, toCents, type EvaluatedFiche } from "@/lib/evaluations/figures";
import type { CampaignEvaluation } from "@/lib/evaluations/read";
import { CRITERIA } from "@/lib/assessments/labels";
import { PROGRESS_STATUS_LABELS } from "@/lib/fiches/labels";
import { formatCount, formatDate, formatDecimal, formatNumber, isoDay } from "@/lib/format";
import { judgementLabel, STANDING_LABELS, UNJUDGED_REASON_LABELS } from "@/lib/indicators/labels";
import type { IndicatorStanding, UnjudgedReason } from "@/lib/indicators/trajectory";
import { CONTRIBUTION_OUTCOME_LABELS } from "@/lib/contributions/labels";
import { MEETING_KIND_SHORT_LABELS } from "@/lib/meetings/labels";
import { CRITERION_LABELS, RATING_LABELS, REALISATION_STATUS_LABELS } from "@/lib/assessments/labels";
import { REPORT_SECTION_TITLES, type ReportSectionKey } from "./labels";

/** How a cell is typed: euros are exact decimal text ("1234.50"), percents run from 0 to 100, dates are UTC days. */
export type CellKind = "text" | "integer" | "decimal" | "euros" | "percent" | "date";
export type Cell = string | number | Date | null;
/** `long`: a text documents print as a paragraph; `inHeading`: a value documents already print in the record's heading. */
export type Column = { header: string; kind: CellKind; width: number; long?: boolean; inHeading?: boolean };
export type Table = { caption: string; columns: Column[]; rows: Cell[][]; total?: Cell[] };
export type Fact = { label: string; kind: CellKind; value: Cell };
/** Records of one kind (the fiches), each a heading, its values by `columns`, and its own tables. */
export type Records = {
  name: string;
  key: Column;
  columns: Column[];
  items: Array<{ key: Cell; heading: string; values: Cell[]; tables: Table[] }>;
};

export type Block =
  | { kind: "paragraph"; label: string | null; text: string }
  | { kind: "facts"; facts: Fact[] }
  | { kind: "table"; table: Table }
  | { kind: "records"; records: Records };

/** `key` names the section (an evaluation report's are ReportSectionKey; other documents laid out by the same renderers name theirs). */
export type ReportSection = { key: string; title: string; blocks: Block[] };

export type EvaluationReport = {
  /** The file name without its extension: evaluation-mi-parcours-<territoire>-<jour>. */
  fileName: string;
  title: string;
  cover: { kicker: string; title: string; subtitle: string; status: string; facts: Fact[] };
  sections: ReportSection[];
  /** The line every page's footer repeats. */
  footer: string;
};

const EMPTY = "—";

/** A cell as the documents (PDF, Word) print it; the workbook keeps the typed value. */
export function cellText(kind: CellKind, value: Cell): string {
  if (value === null || value === "") return EMPTY;
  if (value instanceof Date) return formatDate(value);
  switch (kind) {
    case "euros":
      return `${formatDecimal(String(value), { fractionDigits: 2 })}\u00a0€`;
    case "percent":
      return `${formatNumber(Number(value))}\u00a0%`;
    case "integer":
    case "decimal":
      return typeof value === "number" ? formatNumber(value) : value;
    default:
      return String(value);
  }
}

/** A record as documents print it: its short values as facts, its long texts as labelled paragraphs. */
export function recordEntries(columns: readonly Column[], values: readonly Cell[]) {
  const facts: Fact[] = [];
  const paragraphs: Array<{ label: string; text: string }> = [];
  columns.forEach((column, index) => {
    const value = values[index];
    if (column.inHeading) return;
    if (!column.long) facts.push({ label: column.header, kind: column.kind, value });
    else if (typeof value === "string") paragraphs.push({ label: column.header, text: value });
  });
  return { facts, paragraphs };
}

const col = (header: string, kind: CellKind, width: number, long = false): Column => ({ header, kind, width, long });
const nonEmpty = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);
const str = (value: unknown) => (typeof value === "string" ? value : null);

const sumCents = (values: ReadonlyArray<string | null>) =>
  fromCents(values.reduce((sum, value) => sum + (value ? toCents(value) : 0n), 0n));
/** Spent over planned, in percent with one decimal; null without a planned amount. */
const rate = (spent: string, planned: string) => {
  const cents = toCents(planned);
  return cents > 0n ? Math.round(Number((toCents(spent) * 1000n) / cents)) / 10 : null;
};

const STANDINGS: IndicatorStanding[] = ["reached", "on_track", "at_risk", "late", "unknown"];

export type ReportContext = { territory: { name: string; slug: string }; contractTitle: string; generatedAt: Date };

/** The report of a campaign read by readCampaignEvaluation, on its evaluation day (closing day once closed, else `context.generatedAt`). */
export function buildEvaluationReport(read: CampaignEvaluation, context: ReportContext): EvaluationReport {
  const { campaign, content } = read;
  const asOf = evaluationDay(campaign, context.generatedAt);
  const figures = evaluationFigures(read, asOf);
  const contractTitle = str(content.contract.values.title) ?? context.contractTitle;
  const kind = CAMPAIGN_KIND_LABELS[campaign.kind];
  const status =
    campaign.status === "closed" && campaign.closedAt
      ? `Campagne close le ${formatDate(campaign.closedAt)} — instantané n°\u00a0${campaign.snapshotVersion ?? EMPTY}`
      : "Campagne en cours\u00a0: chiffres provisoires";
  const axisOf = new Map(figures.axes.map((axis) => [axis.id, axis]));
  const ficheHeading = (fiche: Pick<EvaluatedFiche, "number" | "title">) =>
    fiche.number === null ? fiche.title : `${ficheLabel(fiche.number)} – ${fiche.title}`;

  // ——— Synthèse ———
  const standingCounts = Object.fromEntries(STANDINGS.map((standing) => [standing, 0])) as Record<IndicatorStanding, number>;
  const reasons = new Map<UnjudgedReason, number>();
  for (const indicator of figures.indicators) {
    standingCounts[indicator.judgement.standing] += 1;
    if (indicator.judgement.reason) reasons.set(indicator.judgement.reason, (reasons.get(indicator.judgement.reason) ?? 0) + 1);
  }
  const unjudgedWhy = [...reasons].map(([reason, count]) => `${UNJUDGED_REASON_LABELS[reason]}\u00a0: ${formatNumber(count)}`).join(" ; ");
  const synthesis: Block[] = [
    { kind: "paragraph", label: null, text: nonEmpty(campaign.synthesis) ?? "La synthèse de la campagne n’a pas encore été rédigée." },
    {
      kind: "facts",
      facts: [
        { label: "Fiches évaluées", kind: "text", value: `${formatNumber(figures.assessed)} sur ${formatNumber(figures.fiches.length)}` },
        { label: "Taux d’atteinte moyen", kind: "percent", value: figures.achievement },
        ...(["completed", "partially_completed", "not_started", "abandoned"] as const).map((status) => ({
          label: `Fiches ${REALISATION_STATUS_LABELS[status].toLowerCase()}s`,
          kind: "integer" as const,
          value: figures.realisation[status],
        })),
        { label: "Fiches sans bilan", kind: "integer", value: figures.realisation.unassessed },
        { label: "Indicateurs suivis", kind: "integer", value: figures.indicators.length },
        ...STANDINGS.map((standing) => ({
          label: `Indicateurs\u00a0: ${STANDING_LABELS[standing].toLowerCase()}`,
          kind: "text" as const,
          value:
            standing === "unknown" && unjudgedWhy
              ? `${formatNumber(standingCounts[standing])} (${unjudgedWhy})`
              : formatNumber(standingCounts[standing]),
        })),
        ...CRITERIA.map((criterion) => ({
          label: `${CRITERION_LABELS[criterion].label} (note moyenne sur 4)`,
          kind: "decimal" as const,
          value: figures.criteria[criterion].average,
        })),
        { label: "Budget prévu", kind: "euros", value: figures.budgetTotal.planned },
        { label: "Budget dépensé", kind: "euros", value: figures.budgetTotal.spent },
        { label: "Taux de consommation", kind: "percent", value: rate(figures.budgetTotal.spent, figures.budgetTotal.planned) },
        { label: "Réunions de gouvernance", kind: "integer", value: figures.meetings.length },
      ],
    },
  ];

  // ——— Avancement par axe ———
  const axes: Table = {
    caption: "Avancement par axe",
    columns: [
      col("Axe", "text", 14),
      col("Intitulé", "text", 40),
      col("Fiches", "integer", 9),
      col("Fiches évaluées", "integer", 11),
      col("Taux d’atteinte moyen", "percent", 12),
      col("Fiches réalisées", "integer", 11),
      col("Budget prévu", "euros", 16),
      col("Budget dépensé", "euros", 16),
    ],
    rows: figures.axes.map((axis) => [
      axisLabel(axis),
      axis.title,
      axis.fiches.length,
      axis.assessed,
      axis.achievement,
      axis.fiches.filter((fiche) => fiche.assessment?.realisationStatus === "completed").length,
      sumCents(axis.fiches.map((fiche) => fiche.planned)),
      sumCents(axis.fiches.map((fiche) => fiche.spent)),
    ]),
    total: [
      "Contrat",
      null,
      figures.fiches.length,
      figures.assessed,
      figures.achievement,
      figures.realisation.completed,
      figures.budgetTotal.planned,
      figures.budgetTotal.spent,
    ],
  };

  // ——— Fiche par fiche ———
  const contributions = new Map(read.evaluation.contributions.map((contribution) => [contribution.commitmentId, contribution]));
  const frozenFiches = new Map(content.fiches.map((fiche) => [fiche.id, fiche]));
  const fiches: Records = {
    name: "Fiches",
    key: col("Fiche", "integer", 8),
    columns: [
      col("Axe", "text", 14),
      { ...col("Numéro", "integer", 9), inHeading: true },
      { ...col("Intitulé", "text", 40), inHeading: true },
      col("Pilote", "text", 24),
      col("Statut de la fiche", "text", 16),
      col("Réalisation", "text", 18),
      col("Taux d’atteinte", "percent", 10),
      col("Budget prévu", "euros", 16),
      col("Budget dépensé", "euros", 16),
      col("Synthèse", "text", 50, true),
      col("Difficultés rencontrées", "text", 50, true),
      col("Recommandations", "text", 50, true),
    ],
    items: figures.fiches.map((fiche) => {
      const assessment = fiche.assessment;
      const axis = axisOf.get(fiche.axisId);
      const frozen = frozenFiches.get(fiche.id);
      const commitments = frozen ? [...frozen.commitments, ...frozen.objectives.flatMap((objective) => objective.commitments)] : [];
      const tables: Table[] = [];
      if (assessment)
        tables.push({
          caption: "Critères d’évaluation",
          columns: [
            col("Critère", "text", 16),
            col("Note sur 4", "integer", 10),
            col("Appréciation", "text", 18),
            col("Commentaire", "text", 60, true),
          ],
          rows: CRITERIA.map((criterion) => {
            const { rating, comment } = assessment.criteria[criterion];
            return [
              CRITERION_LABELS[criterion].label,
              rating,
              rating === null ? null : RATING_LABELS[String(rating) as keyof typeof RATING_LABELS],
              nonEmpty(comment),
            ];
          }),
        });
      if (commitments.length)
        tables.push({
          caption: "Contributions des partenaires",
          columns: [
            col("Partenaire", "text", 24),
            col("Engagement", "text", 36, true),
            col("Bilan", "text", 16),
            col("Contribution", "text", 40, true),
            col("Montant dépensé", "euros", 14),
          ],
          rows: commitments.map((commitment) => {
            const reported = contributions.get(commitment.id);
            return [
              commitment.organisation,
              str(commitment.values.description),
              reported?.outcome ? CONTRIBUTION_OUTCOME_LABELS[reported.outcome] : "Non renseigné",
              nonEmpty(reported?.contribution),
              reported?.amountSpent ?? null,
            ];
          }),
        });
      return {
        key: fiche.number,
        heading: ficheHeading(fiche),
        values: [
          axis ? axisLabel(axis) : null,
          fiche.number,
          fiche.title,
          fiche.pilot,
          fiche.status ? (PROGRESS_STATUS_LABELS[fiche.status as keyof typeof PROGRESS_STATUS_LABELS] ?? fiche.status) : null,
          assessment?.realisationStatus ? REALISATION_STATUS_LABELS[assessment.realisationStatus] : "Sans bilan",
          assessment?.achievementRate ?? null,
          fiche.planned,
          fiche.spent,
          nonEmpty(assessment?.synthesis),
          nonEmpty(assessment?.difficulties),
          nonEmpty(assessment?.recommendations),
        ],
        tables,
      };
    }),
  };

  // ——— Indicateurs ———
  const indicators: Table = {
    caption: "Indicateurs",
    columns: [
      col("Fiche", "integer", 8),
      col("Indicateur", "text", 40),
      col("Unité", "text", 10),
      col("Valeur de départ", "decimal", 12),
      col("Cible", "decimal", 12),
      col("Échéance", "date", 12),
      col("Dernière valeur", "decimal", 12),
      col("Mesurée le", "date", 12),
      col("Écart à la cible", "decimal", 12),
      col("Appréciation", "text", 36),
    ],
    rows: figures.indicators.map((indicator) => [
      indicator.ficheNumber,
      indicator.name,
      indicator.unit,
      indicator.baselineValue,
      indicator.targetValue,
      indicator.targetOn,
      indicator.latestValue,
      indicator.latestOn,
      indicator.gapToTarget === null ? null : Math.round(indicator.gapToTarget * 10_000) / 10_000,
      judgementLabel(indicator.judgement),
    ]),
  };

  // ——— Budget par financeur ———
  const budget: Table = {
    caption: "Budget par financeur",
    columns: [
      col("Financeur", "text", 40),
      col("Prévu", "euros", 16),
      col("Dépensé", "euros", 16),
      col("Taux de consommation", "percent", 14),
    ],
    rows: figures.budget.map((entry) => [
      entry.funder ?? "Financeur non précisé",
      entry.planned,
      entry.spent,
      rate(entry.spent, entry.planned),
    ]),
    total: ["Total", figures.budgetTotal.planned, figures.budgetTotal.spent, rate(figures.budgetTotal.spent, figures.budgetTotal.planned)],
  };

  // ——— Gouvernance ———
  const governance: Table = {
    caption: "Réunions de gouvernance",
    columns: [
      col("Date", "date", 12),
      col("Instance", "text", 16),
      col("Objet", "text", 30),
      col("Participants", "integer", 12),
      col("Organisations présentes", "text", 40, true),
      col("Décisions", "text", 50, true),
    ],
    rows: figures.meetings.map((meeting) => [
      new Date(`${meeting.heldOn}T00:00:00Z`),
      MEETING_KIND_SHORT_LABELS[meeting.kind],
      nonEmpty(meeting.topic),
      meeting.participantCount,
      meeting.attendances
        .map((attendance) =>
          attendance.attendeeCount ? `${attendance.organisation} (${attendance.attendeeCount})` : attendance.organisation,
        )
        .join(", ") || null,
      nonEmpty(meeting.decisions),
    ]),
  };

  // ——— Recommandations ———
  const ficheRecommendations: Table = {
    caption: "Recommandations par fiche",
    columns: [col("Fiche", "integer", 8), col("Intitulé", "text", 40), col("Recommandations", "text", 70, true)],
    rows: figures.fiches.flatMap((fiche) => {
      const text = nonEmpty(fiche.assessment?.recommendations);
      return text ? [[fiche.number, fiche.title, text]] : [];
    }),
  };

  const period = periodText(campaign.periodStart, campaign.periodEnd);
  const section = (key: ReportSectionKey, blocks: Block[]): ReportSection => ({ key, title: REPORT_SECTION_TITLES[key], blocks });
  const kindSlug = campaign.kind === "mid_term" ? "mi-parcours" : "finale";
  return {
    fileName: `evaluation-${kindSlug}-${context.territory.slug}-${isoDay(asOf)}`,
    title: `${kind} – ${contractTitle}`,
    cover: {
      kicker: kind,
      title: contractTitle,
      subtitle: context.territory.name,
      status,
      facts: [
        { label: "Territoire", kind: "text", value: context.territory.name },
        { label: "Contrat", kind: "text", value: contractTitle },
        { label: "Évaluation", kind: "text", value: kind },
        { label: "Période évaluée", kind: "text", value: period },
        { label: "Statut", kind: "text", value: status },
        { label: "Chiffres arrêtés au", kind: "date", value: new Date(`${isoDay(asOf)}T00:00:00Z`) },
        { label: "Fiches actions", kind: "text", value: formatCount(figures.fiches.length, "fiche action", "fiches actions") },
      ],
    },
    sections: [
      section("synthesis", synthesis),
      section("axes", [{ kind: "table", table: axes }]),
      section("fiches", [{ kind: "records", records: fiches }]),
      section("indicators", [{ kind: "table", table: indicators }]),
      section("budget", [{ kind: "table", table: budget }]),
      section("governance", [{ kind: "table", table: governance }]),
      section("recommendations", [
        {
          kind: "paragraph",
          label: null,
          text: nonEmpty(campaign.recommendations) ?? "Les recommandations de la campagne n’ont pas encore été rédigées.",
        },
        { kind: "table", table: ficheRecommendations },
      ]),
    ],
    footer: `${kind} · ${contractTitle}`,
  };
}
