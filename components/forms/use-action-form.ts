"use client";

// Wires a form to a server action: checks the input with the shared zod schema first, sends it
// without resetting the form (what the user typed stays on error), and exposes the messages.
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import type { z } from "zod";
import { formDataToObject } from "@/lib/actions/form-data";
import { fieldErrorsOf, INVALID_MESSAGE, type ActionResult, type FieldErrors } from "@/lib/actions/result";
import type { ServerAction } from "@/lib/actions/server-action";

export function useActionForm<Output>(action: ServerAction<Output>, options: { schema?: z.ZodType; resetOnSuccess?: boolean; onSuccess?: (result: Extract<ActionResult<Output>, { ok: true }>) => void } = {}) {
  const [result, dispatch, pending] = useActionState(action, null);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  // After a version conflict, the user may choose to save over the version they were shown.
  // The choice holds for that conflict only: any new result ends it.
  const [reapplied, setReapplied] = useState<{ version: string; conflict: ActionResult<Output> }>();
  const formRef = useRef<HTMLFormElement>(null);
  const { resetOnSuccess, onSuccess } = options;

  useEffect(() => {
    if (!result?.ok) return;
    if (resetOnSuccess) formRef.current?.reset();
    onSuccess?.(result);
    // Only when a new result arrives.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [result]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // The button pressed is part of the submission (e.g. "preview" or "import").
    const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    const parsed = options.schema?.safeParse(formDataToObject(formData));
    if (parsed && !parsed.success) {
      setClientErrors(fieldErrorsOf(parsed.error));
      return;
    }
    setClientErrors(null);
    startTransition(() => dispatch(formData));
  }

  const fieldErrors: FieldErrors = clientErrors ?? (result && !result.ok ? (result.fieldErrors ?? {}) : {});
  const error = clientErrors ? INVALID_MESSAGE : result && !result.ok ? result.message : undefined;
  const success = !clientErrors && result?.ok ? result.message : undefined;
  const conflict = !clientErrors && result && !result.ok ? result.conflict : undefined;
  function reapply() {
    if (!conflict || !result) return;
    setReapplied({ version: String(conflict.currentVersion), conflict: result });
    // The form holds the new version after this render.
    setTimeout(() => formRef.current?.requestSubmit());
  }
  const reapplyVersion = reapplied && reapplied.conflict === result ? reapplied.version : undefined;
  return { formRef, onSubmit, pending, fieldErrors, error, success, result, conflict, reapply, reapplyVersion };
}
