import { useId, type ReactNode } from "react";

export type FieldProps = { label: string; error?: string; hint?: string };

/**
 * Label, hint and error around one control, wired for screen readers: the control gets the
 * returned props (id, aria-describedby, aria-invalid) and the border of its state.
 */
export function Field({ label, error, hint, children }: FieldProps & { children: (control: ControlProps) => ReactNode }) {
  const id = useId();
  const hintId = hint ? `${id}-aide` : undefined;
  const errorId = error ? `${id}-erreur` : undefined;
  return (
    <div>
      <label htmlFor={id} className="block font-medium text-slate-900">
        {label}
      </label>
      {hint ? (
        <p id={hintId} className="mt-0.5 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      {children({
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": [hintId, errorId].filter(Boolean).join(" ") || undefined,
        className: `mt-1 block w-full rounded-md border bg-white px-3 py-2 text-slate-900 shadow-sm focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600 ${error ? "border-red-700" : "border-slate-400"}`,
      })}
      {error ? (
        <p id={errorId} className="mt-1 text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}

export type ControlProps = { id: string; "aria-invalid": true | undefined; "aria-describedby": string | undefined; className: string };
