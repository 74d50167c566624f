import type { ReactNode } from "react";

/** Key facts as a description list: label above value, in a responsive grid. */
export function FactList({ facts }: { facts: Array<{ label: string; value: ReactNode }> }) {
  return (
    <dl className="grid grid-cols-1 gap-x-8 gap-y-4 sm:grid-cols-2 lg:grid-cols-3">
      {facts.map((fact) => (
        <div key={fact.label}>
          <dt className="text-sm text-slate-600">{fact.label}</dt>
          <dd className="mt-0.5 font-medium text-slate-900">{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}
