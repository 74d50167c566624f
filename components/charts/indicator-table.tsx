"use client";

// Each indicator against its target, one page of them: its fiche, its name (a link that draws its
// trajectory), its baseline, latest measurement, target, optionally its gap to the target, and its
// judgement (under its name) with the reason when it cannot be judged yet. At 375 px the target
// folds under the latest measurement. A client component fed the rows: the page sends their
// values, not the tree of their cells.
import { Badge } from "@/components/ui/badge";
import { Table } from "@/components/ui/table";
import { indicatorFiche, type DashboardIndicator } from "@/lib/dashboards/series";
import { formatDate, formatNumber } from "@/lib/format";
import { STANDING_LABELS, STANDING_TONES, UNJUDGED_REASON_LABELS } from "@/lib/indicators/labels";
import type { IndicatorJudgement } from "@/lib/indicators/trajectory";

export type IndicatorTableRow = DashboardIndicator & {
  judgement: IndicatorJudgement;
  gapToTarget?: number | null;
  /** The link that draws the indicator's trajectory. */
  href: string;
};

/** A value with its unit, or a dash. */
export const valueWithUnit = (value: number | null, unit: string | null) =>
  value === null ? "—" : `${formatNumber(value)}${unit ? `\u00a0${unit}` : ""}`;

const signed = (value: number | null, unit: string | null) =>
  value === null ? "—" : `${value > 0 ? "+" : value < 0 ? "−" : ""}${valueWithUnit(Math.abs(value), unit)}`;

export function IndicatorTable({
  caption,
  rows,
  chosenId,
  showGap = false,
}: {
  caption: string;
  rows: readonly IndicatorTableRow[];
  /** The indicator whose trajectory is drawn. */
  chosenId: string | null;
  showGap?: boolean;
}) {
  return (
    <Table
      caption={caption}
      showCaption
      columns={[
        { label: "Indicateur et situation" },
        { label: "Départ", className: "hidden text-right sm:table-cell" },
        // On a narrow screen the target goes under the latest measurement.
        {
          label: (
            <>
              Dernière mesure<span className="sm:hidden"> et cible</span>
            </>
          ),
          className: "text-right",
        },
        { label: "Cible", className: "hidden text-right sm:table-cell" },
        ...(showGap ? [{ label: "Écart à la cible", className: "hidden text-right sm:table-cell" }] : []),
      ]}
    >
      {rows.map((indicator) => {
        const { standing, reason } = indicator.judgement;
        return (
          <tr key={indicator.id} className="align-top">
            <th scope="row" className="font-normal">
              <span className="block text-sm text-slate-600">{indicatorFiche(indicator)}</span>
              <a
                href={indicator.href}
                aria-current={indicator.id === chosenId ? "true" : undefined}
                aria-label={`${indicator.name}\u00a0: voir sa trajectoire`}
              >
                {indicator.name}
              </a>
              {/* The situation goes under the name, rendered once for every width. */}
              <span className="mt-1 block">
                <Badge tone={STANDING_TONES[standing]}>{STANDING_LABELS[standing]}</Badge>
                {reason ? <span className="mt-1 block text-slate-600">{UNJUDGED_REASON_LABELS[reason]}</span> : null}
              </span>
            </th>
            <td className="num hidden sm:table-cell">{valueWithUnit(indicator.baselineValue, indicator.unit)}</td>
            <td className="num">
              {valueWithUnit(indicator.latestValue, indicator.unit)}
              {indicator.latestOn ? <span className="block text-slate-600">{formatDate(indicator.latestOn)}</span> : null}
              <span className="mt-1 block text-slate-600 sm:hidden">
                cible {valueWithUnit(indicator.targetValue, indicator.unit)}
                {indicator.targetOn ? ` au ${formatDate(indicator.targetOn)}` : ""}
                {showGap && indicator.gapToTarget != null ? `, écart ${signed(indicator.gapToTarget, indicator.unit)}` : ""}
              </span>
            </td>
            <td className="num hidden sm:table-cell">
              {valueWithUnit(indicator.targetValue, indicator.unit)}
              {indicator.targetOn ? <span className="block text-slate-600">{formatDate(indicator.targetOn)}</span> : null}
            </td>
            {showGap ? <td className="num hidden sm:table-cell">{signed(indicator.gapToTarget ?? null, indicator.unit)}</td> : null}
          </tr>
        );
      })}
    </Table>
  );
}
