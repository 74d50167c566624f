import { Badge } from "@/components/ui/badge";
import { axisLabel, ficheLabel } from "@/lib/contracts/labels";
import { PROGRESS_STATUS_LABELS, PROGRESS_STATUS_TONES } from "@/lib/fiches/labels";
import { formatDate, formatNumber } from "@/lib/format";
import type { PublicFicheProgress } from "@/lib/public-pages/progress";
import type { PublicContract } from "@/lib/territories/queries";

type PublishedFiche = PublicContract["publicFiches"][number];

/** "Axe 2 – Title", read as "Axe 2 : Title". */
export function AxisHeading({ axis }: { axis: { number: number | null; isTransversal: boolean; title: string } }) {
  return (
    <h3 className="text-lg font-semibold text-slate-900">
      <span className="text-brand-700">{axisLabel(axis)}</span>
      <span aria-hidden="true"> – </span>
      <span className="sr-only"> : </span>
      {axis.title}
    </h3>
  );
}

type FicheProgress = ReadonlyMap<string, PublicFicheProgress>;

/**
 * The contract's axes in order, each with its published fiches actions numbered as in the source,
 * each linking to its page, with its status and progress as published, or the day an amendment closed it.
 */
export function AxisList({
  axes,
  fiches,
  progress,
  ficheHref,
}: {
  axes: PublicContract["axes"];
  fiches: readonly PublishedFiche[];
  progress: FicheProgress;
  ficheHref: (number: number) => string;
}) {
  return (
    <ol className="space-y-4">
      {axes.map((axis) => (
        <AxisItem
          key={axis.id}
          axis={axis}
          fiches={fiches.filter((fiche) => fiche.axisId === axis.id)}
          progress={progress}
          ficheHref={ficheHref}
        />
      ))}
    </ol>
  );
}

function AxisItem({
  axis,
  fiches,
  progress,
  ficheHref,
}: {
  axis: PublicContract["axes"][number];
  fiches: readonly PublishedFiche[];
  progress: FicheProgress;
  ficheHref: (number: number) => string;
}) {
  return (
    <li
      className={`rounded-md border p-4 sm:p-5 ${axis.isTransversal ? "border-dashed border-brand-600 bg-brand-50/50" : "border-slate-200"}`}
    >
      <AxisHeading axis={axis} />
      {axis.isTransversal ? (
        <p className="mt-2">
          <Badge tone="brand">Axe transversal</Badge>
        </p>
      ) : null}
      {axis.description ? <p className="mt-2 text-slate-700">{axis.description}</p> : null}
      {fiches.length ? (
        <ul className="mt-3 space-y-2" aria-label={`Fiches actions de l’${axisLabel(axis).toLowerCase()}`}>
          {fiches.map((fiche) => {
            const stands = progress.get(fiche.ficheId);
            return (
              <li key={fiche.ficheId} className="flex flex-col gap-0.5 rounded bg-slate-50 px-3 py-2 sm:flex-row sm:items-center sm:gap-3">
                <span className="shrink-0 font-semibold text-slate-700">{ficheLabel(fiche.number)}</span>
                <a href={ficheHref(fiche.number)} className="grow">
                  {fiche.title}
                </a>
                {fiche.fiche.closedOn ? (
                  <span className="shrink-0 text-sm">
                    <Badge tone="neutral">Close le {formatDate(fiche.fiche.closedOn)}</Badge>
                  </span>
                ) : stands ? (
                  <span className="flex shrink-0 items-center gap-2 text-sm">
                    <Badge tone={PROGRESS_STATUS_TONES[stands.status]}>{PROGRESS_STATUS_LABELS[stands.status]}</Badge>
                    {formatNumber(stands.progress)}&#8239;%
                  </span>
                ) : null}
              </li>
            );
          })}
        </ul>
      ) : null}
    </li>
  );
}
