// What a server action answers: expected failures are values, not throws, so that the form can
// show them at the field and keep what the user typed.
import type { z } from "zod";

/** Field path ("email", "lines.2.amount") → French message. */
export type FieldErrors = Record<string, string>;

/** What others changed since the user loaded the record, so that they can decide to re-apply. */
export type ConflictDetails = {
  currentVersion: number;
  changes: Array<{
    action: string;
    /** The record the line is about, in a history that mixes records (a fiche and its commitments). */
    subject?: string;
    at: string;
    by: string;
    fields: Array<{ label: string; before: string; after: string }>;
  }>;
};

export type ActionResult<T = null> =
  | { ok: true; data: T; message?: string }
  | {
      ok: false;
      message: string;
      fieldErrors?: FieldErrors;
      reason?: "invalid" | "notFound" | "conflict" | "refused" | "unexpected";
      conflict?: ConflictDetails;
    };

export const INVALID_MESSAGE = "Le formulaire contient des erreurs\u00a0: corrigez les champs signalés.";
export const NOT_FOUND_MESSAGE = "Cet élément est introuvable ou vous n’avez pas le droit de le modifier.";
export const CONFLICT_MESSAGE =
  "Quelqu’un d’autre a modifié cet élément pendant que vous le consultiez. Rechargez la page pour voir la version actuelle, puis refaites votre modification.";

export const ok = <T>(data: T, message?: string): ActionResult<T> => ({ ok: true, data, message });

export function fieldError(field: string, message: string): ActionResult<never> {
  return { ok: false, reason: "invalid", message: INVALID_MESSAGE, fieldErrors: { [field]: message } };
}

/** The first message of each field, keyed by its dotted path. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) errors[issue.path.join(".") || "_form"] ??= issue.message;
  return errors;
}
