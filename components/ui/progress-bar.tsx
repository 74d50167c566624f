import { formatNumber } from "@/lib/format";

/** A percentage as text, with a bar for the eye. */
export function ProgressBar({ value, label }: { value: number | null; label: string }) {
  if (value === null) return <p className="text-sm text-slate-600">{label}&#8239;: pas encore d’avancement</p>;
  return (
    <div>
      <p className="flex justify-between text-sm text-slate-700">
        <span>{label}</span>
        <span className="font-semibold text-slate-900">{formatNumber(value)}&#8239;%</span>
      </p>
      <div aria-hidden="true" className="mt-1 h-2 overflow-hidden rounded-full bg-slate-200">
        <div className="h-full rounded-full bg-brand-700" style={{ width: `${Math.max(0, Math.min(100, value))}%` }} />
      </div>
    </div>
  );
}
