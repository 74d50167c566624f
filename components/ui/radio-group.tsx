import { useId } from "react";
import type { FieldProps } from "./field";
import type { SelectOption } from "./select-field";

/**
 * A choice among a few options shown at once: radio buttons under their legend (a fieldset, so
 * that each button is announced with the question), with the hint and error read as the group's
 * description. The arrow keys move between the buttons, as in any radio group. `placeholder`
 * adds a last button worth "" that takes the choice back.
 */
export function RadioGroup({
  label,
  hint,
  error,
  name,
  options,
  defaultValue,
  placeholder,
  onValue,
}: FieldProps & {
  name: string;
  options: readonly SelectOption[];
  defaultValue?: string;
  placeholder?: string;
  onValue?: (value: string) => void;
}) {
  const id = useId();
  const hintId = hint ? `${id}-aide` : undefined;
  const errorId = error ? `${id}-erreur` : undefined;
  const choices = placeholder === undefined ? options : [...options, { value: "", label: placeholder }];
  return (
    <fieldset className="min-w-0" aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}>
      <legend className="font-medium text-slate-900">{label}</legend>
      {hint ? (
        <p id={hintId} className="mt-0.5 text-sm text-slate-600">
          {hint}
        </p>
      ) : null}
      <div className="mt-2 flex flex-wrap gap-x-5 gap-y-2">
        {choices.map((choice) => (
          <div key={choice.value} className="flex items-center gap-2">
            <input
              id={`${id}-${choice.value || "aucun"}`}
              type="radio"
              name={name}
              value={choice.value}
              defaultChecked={(defaultValue ?? "") === choice.value}
              onChange={onValue && ((event) => onValue(event.target.value))}
              className="h-5 w-5 shrink-0 accent-brand-700"
            />
            <label htmlFor={`${id}-${choice.value || "aucun"}`}>{choice.label}</label>
          </div>
        ))}
      </div>
      {error ? (
        <p id={errorId} className="mt-1 text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
