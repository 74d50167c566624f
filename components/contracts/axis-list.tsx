import { Badge } from "@/components/ui/badge";
import { axisLabel, ficheLabel } from "@/lib/contracts/labels";
import type { PublicContract } from "@/lib/territories/queries";

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

/** The contract's axes in order, each with its fiches actions numbered as in the source. */
export function AxisList({ axes }: { axes: PublicContract["axes"] }) {
  return (
    <ol className="space-y-4">
      {axes.map((axis) => (
        <li
          key={axis.id}
          className={`rounded-md border p-4 sm:p-5 ${axis.isTransversal ? "border-dashed border-brand-600 bg-brand-50/50" : "border-slate-200"}`}
        >
          <AxisHeading axis={axis} />
          {axis.isTransversal ? (
            <p className="mt-2">
              <Badge tone="brand">Axe transversal</Badge>
            </p>
          ) : null}
          {axis.description ? <p className="mt-2 text-slate-700">{axis.description}</p> : null}
          {axis.fiches.length ? (
            <ul className="mt-3 space-y-2" aria-label={`Fiches actions de l’${axisLabel(axis).toLowerCase()}`}>
              {axis.fiches.map((fiche) => (
                <li key={fiche.id} className="flex flex-col gap-0.5 rounded bg-slate-50 px-3 py-2 sm:flex-row sm:gap-3">
                  <span className="shrink-0 font-semibold text-slate-700">{ficheLabel(fiche.number)}</span>
                  <span>{fiche.title}</span>
                </li>
              ))}
            </ul>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
