"use client";

// The frame of a form wired to a server action by useActionForm: the form element, its hidden
// inputs (the version becomes the one the user chose to save over after a conflict), then the
// messages of the last submission above the fields.
import type { ReactNode } from "react";
import { FormMessages } from "./form-messages";
import type { useActionForm } from "./use-action-form";

type FormState = Pick<
  ReturnType<typeof useActionForm>,
  "formRef" | "onSubmit" | "fieldErrors" | "error" | "success" | "conflict" | "reapply" | "reapplyVersion"
>;

export function ActionForm({
  form: { formRef, onSubmit, fieldErrors, error, success, conflict, reapply, reapplyVersion },
  hidden,
  className,
  label,
  onDiscard,
  children,
}: {
  form: FormState;
  /** Ids and the version the action needs besides the fields. */
  hidden: Readonly<Record<string, string | number | undefined>>;
  className: string;
  /** The form's accessible name, where the page shows several. */
  label?: string;
  /** After a conflict, dropping the user's changes (by default the page is loaded again). */
  onDiscard?: () => void;
  children: ReactNode;
}) {
  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className={className} aria-label={label}>
      {Object.entries({ ...hidden, ...(reapplyVersion ? { version: reapplyVersion } : {}) }).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormMessages
        error={error}
        fieldErrors={fieldErrors}
        success={success}
        conflict={conflict}
        onReapply={reapply}
        onDiscard={onDiscard}
      />
      {children}
    </form>
  );
}
