import type { InputHTMLAttributes } from "react";
import { Field, type FieldProps } from "./field";

/** A labelled input with its hint and error. */
export function TextField({ label, error, hint, ...input }: InputHTMLAttributes<HTMLInputElement> & FieldProps) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(control) => <input {...input} {...control} />}
    </Field>
  );
}
