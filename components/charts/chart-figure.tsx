// A chart as the dashboard shows it (RGAA): its heading, a one-sentence summary, the chart
// itself hidden from assistive technologies (the summary and the table say what it shows), and
// its data as a table behind « Voir les données », which printing always shows (app/globals.css).
import type { ReactNode } from "react";

export function ChartFigure({
  id,
  title,
  summary,
  note,
  chart,
  table,
}: {
  id: string;
  title: string;
  /** One sentence that says what the chart shows. */
  summary: string;
  /** What the chart leaves out, or how to read it. */
  note?: ReactNode;
  /** The chart, or nothing when there is nothing to draw. */
  chart: ReactNode;
  /** The chart's data: a table (components/ui/table.tsx), or nothing when there is no data. */
  table: ReactNode;
}) {
  return (
    <section aria-labelledby={`${id}-titre`} className="chart-figure min-w-0 rounded-md border border-slate-200 p-4 sm:p-5">
      <h3 id={`${id}-titre`} className="text-lg font-semibold text-slate-900">
        {title}
      </h3>
      <p className="mt-1 text-slate-700">{summary}</p>
      {chart ? (
        <div aria-hidden="true" className="chart-graphic mt-4">
          {chart}
        </div>
      ) : null}
      {note ? <p className="mt-2 text-sm text-slate-600">{note}</p> : null}
      {table ? (
        <details className="chart-data mt-3">
          <summary className="cursor-pointer font-medium text-brand-800">Voir les données</summary>
          {/* A table wider than a phone scrolls sideways: the keyboard reaches it too (WCAG 2.1.1). */}
          <div className="mt-3 relative overflow-x-auto" tabIndex={0} role="group" aria-label={`Données\u00a0: ${title}`}>
            {table}
          </div>
        </details>
      ) : null}
    </section>
  );
}
