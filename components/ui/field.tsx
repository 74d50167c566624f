import { useId, type ReactNode } from "react";

export type FieldProps = { label: string; error?: string; hint?: string };

/** The label is read by screen readers only, where the control's place names it for the eye (a cell under its column's header). */
export type HiddenLabel = { hideLabel?: boolean };

/**
 * Label, hint and error around one control, wired for screen readers: the control gets the
 * returned props (id, aria-describedby, aria-invalid) and the control's class.
 */
export function Field({
  label,
  error,
  hint,
  hideLabel,
  children,
}: FieldProps & HiddenLabel & { children: (control: ControlProps) => ReactNode }) {
  const id = useId();
  const hintId = hint ? `${id}-aide` : undefined;
  const errorId = error ? `${id}-erreur` : undefined;
  return (
    <div>
      <label htmlFor={id} className={hideLabel ? "sr-only" : "block font-medium text-slate-900"}>
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
        // app/globals.css: .control, with a red border while aria-invalid.
        className: "control",
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
