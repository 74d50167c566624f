import type { TextareaHTMLAttributes } from "react";
import { Field, type FieldProps } from "./field";

/** A labelled multi-line field with its hint and error. */
export function TextArea({ label, error, hint, ...textarea }: TextareaHTMLAttributes<HTMLTextAreaElement> & FieldProps) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(control) => <textarea rows={4} {...textarea} {...control} />}
    </Field>
  );
}
