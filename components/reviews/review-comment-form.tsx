"use client";

// The one text form of the review workflow: opening a thread ("Commenter"), a comment or an
// answer in a thread, and the reason of a change request. Checked with the action's own schema;
// what was typed stays on error; on success the notice region confirms and takes the focus.
import { FormMessages } from "@/components/forms/form-messages";
import { announce } from "@/components/forms/notices";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/text-area";
import type { ServerAction } from "@/lib/actions/server-action";
import { commentReviewThreadSchema, openReviewThreadSchema, REVIEW_COMMENT_MAX, requestReviewChangesSchema } from "@/lib/reviews/schema";

const FORMS = {
  open: { schema: openReviewThreadSchema, field: "body" },
  comment: { schema: commentReviewThreadSchema, field: "body" },
  requestChanges: { schema: requestReviewChangesSchema, field: "reason" },
} as const;

export function ReviewCommentForm({
  action,
  kind,
  hidden,
  label,
  fieldLabel,
  submitLabel,
  hint,
}: {
  action: ServerAction<null>;
  kind: keyof typeof FORMS;
  hidden: Readonly<Record<string, string | number>>;
  /** The form's accessible name: the page shows several. */
  label: string;
  fieldLabel: string;
  submitLabel: string;
  hint?: string;
}) {
  const { schema, field } = FORMS[kind];
  const { formRef, onSubmit, pending, fieldErrors, error } = useActionForm(action, {
    schema,
    resetOnSuccess: true,
    onAnswer: (result) => (result.ok && result.message ? announce({ message: result.message }) : undefined),
  });
  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-3" aria-label={label}>
      <FormMessages fieldErrors={fieldErrors} error={error} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <TextArea label={fieldLabel} name={field} rows={3} maxLength={REVIEW_COMMENT_MAX} hint={hint} error={fieldErrors[field]} />
      <Button type="submit" disabled={pending}>
        {pending ? "Envoi…" : submitLabel}
      </Button>
    </form>
  );
}
