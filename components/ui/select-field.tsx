import type { SelectHTMLAttributes } from "react";
import { Field, type FieldProps } from "./field";

export type SelectOption = { value: string; label: string };

/** A labelled select with its hint and error; `placeholder` adds an empty first choice. */
export function SelectField({
  label,
  error,
  hint,
  options,
  placeholder,
  ...select
}: SelectHTMLAttributes<HTMLSelectElement> & FieldProps & { options: readonly SelectOption[]; placeholder?: string }) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(control) => (
        <select {...select} {...control}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
