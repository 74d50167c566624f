import type { ReactNode } from "react";

/** One titled part of a long form: a fieldset whose legend reads as the part's heading. */
export function FormGroup({ legend, children, description }: { legend: string; children: ReactNode; description?: string }) {
  return (
    <fieldset className="min-w-0 space-y-4 rounded-lg border border-slate-200 bg-white p-5 sm:p-6">
      <legend className="px-1 text-lg font-semibold text-slate-900">{legend}</legend>
      {description ? <p className="text-sm text-slate-600">{description}</p> : null}
      {children}
    </fieldset>
  );
}
