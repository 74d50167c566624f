import type { InputHTMLAttributes } from "react";
import { Field, type FieldProps, type HiddenLabel } from "./field";

/** A labelled input with its hint and error. */
export function TextField({ label, error, hint, hideLabel, ...input }: InputHTMLAttributes<HTMLInputElement> & FieldProps & HiddenLabel) {
  return (
    <Field label={label} error={error} hint={hint} hideLabel={hideLabel}>
      {(control) => <input {...input} {...control} />}
    </Field>
  );
}
