"use client";

// Wires a form to a server action: checks the input with the shared zod schema first, sends it
// without resetting the form (what the user typed stays on error), and exposes the messages.
// A call the server refuses before the action runs (a body over the size limit, a dropped
// connection) becomes a French message too, never the framework's error page.
import { unstable_rethrow } from "next/navigation";
import { startTransition, useActionState, useEffect, useMemo, useRef, useState, type FormEvent } from "react";
import type { z } from "zod";
import { formDataToObject } from "@/lib/actions/form-data";
import { fieldErrorsOf, INVALID_MESSAGE, type ActionResult, type FieldErrors } from "@/lib/actions/result";
import type { ServerAction } from "@/lib/actions/server-action";
import { DATE_MESSAGES } from "@/lib/validation/fields";

export const REJECTED_MESSAGE =
  "L’envoi n’a pas abouti : le serveur a refusé la demande (trop volumineuse ?) ou la connexion a été interrompue. Vos saisies sont conservées : corrigez ou réessayez.";
export const REJECTED_FILE_MESSAGE = "Ce fichier n’a pas pu être envoyé : il est sans doute trop volumineux.";

/**
 * Controls whose typed text the browser could not turn into a value (31/02/2026 in a date
 * input): their value is "", which the schema would take for nothing typed.
 */
function unreadableFields(form: HTMLFormElement): FieldErrors {
  const errors: FieldErrors = {};
  for (const element of Array.from(form.elements)) {
    if (!(element instanceof HTMLInputElement) || !element.name || !element.validity.badInput) continue;
    errors[element.name] =
      element.type === "date"
        ? DATE_MESSAGES.unreadable
        : element.type === "number"
          ? "Saisissez un nombre, par exemple 12,5."
          : "Valeur illisible : vérifiez ce champ.";
  }
  return errors;
}

/** Fixed fields as an action's input, for an action called outside a form (an undo). */
export function formDataOf(fields: Record<string, string>): FormData {
  const formData = new FormData();
  for (const [name, value] of Object.entries(fields)) formData.set(name, value);
  return formData;
}

/** Field errors for the files a refused call carried. */
function rejectedFiles(formData: FormData): FieldErrors {
  return Object.fromEntries(
    [...formData.entries()].flatMap(([name, value]) => (value instanceof File && value.size > 0 ? [[name, REJECTED_FILE_MESSAGE]] : [])),
  );
}

export function useActionForm<Output>(
  action: ServerAction<Output>,
  options: {
    schema?: z.ZodType;
    resetOnSuccess?: boolean;
    onSuccess?: (result: Extract<ActionResult<Output>, { ok: true }>) => void;
    /**
     * Runs as soon as the action answers, before React renders its result: the refreshed page may
     * no longer hold this form (a record restored from, or moved to, the trash), and onSuccess
     * would then never run.
     */
    onAnswer?: (result: ActionResult<Output>) => void;
    /** Field errors to show when the server refuses the call itself; by default, at each file sent. */
    rejectedFieldErrors?: (formData: FormData) => FieldErrors;
  } = {},
) {
  const [result, dispatch, pending] = useActionState<ActionResult<Output> | null, FormData>(async (previous, formData) => {
    try {
      const answer = await action(previous, formData);
      options.onAnswer?.(answer);
      return answer;
    } catch (error) {
      // Redirects and not-found answers are navigation, not failures.
      unstable_rethrow(error);
      return {
        ok: false,
        reason: "unexpected",
        message: REJECTED_MESSAGE,
        fieldErrors: (options.rejectedFieldErrors ?? rejectedFiles)(formData),
      };
    }
  }, null);
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
    const errors = { ...(parsed && !parsed.success ? fieldErrorsOf(parsed.error) : {}), ...unreadableFields(event.currentTarget) };
    if (Object.keys(errors).length) {
      setClientErrors(errors);
      return;
    }
    setClientErrors(null);
    startTransition(() => dispatch(formData));
  }

  // One object per submission: the error summary takes the focus each time it changes.
  const fieldErrors: FieldErrors = useMemo(
    () => clientErrors ?? (result && !result.ok ? (result.fieldErrors ?? {}) : {}),
    [clientErrors, result],
  );
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
