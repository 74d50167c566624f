"use client";

// A partner's contribution to an open evaluation campaign, for its commitment: whether it was
// kept, what the organisation brought over the period, what it spent.
import { catalogueInputs } from "@/components/forms/catalogue-field";
import { ActionForm } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { useUnsavedChanges } from "@/components/forms/use-unsaved-changes";
import { Button } from "@/components/ui/button";
import type { ServerAction } from "@/lib/actions/server-action";
import type { FormValuesOf } from "@/lib/catalogue";
import { CONTRIBUTION_FIELDS, saveContributionSchema } from "@/lib/contributions/schema";

export type ContributionValues = FormValuesOf<typeof CONTRIBUTION_FIELDS>;

export function ContributionForm({
  action,
  hidden,
  values,
}: {
  action: ServerAction<null>;
  /** campaignId, commitmentId and the version loaded ("0" before the first save). */
  hidden: { campaignId: string; commitmentId: string; version: string };
  values: ContributionValues;
}) {
  const form = useActionForm(action, { schema: saveContributionSchema, onSuccess: () => markSaved() });
  const { markSaved } = useUnsavedChanges(form.formRef);
  const { field, fields } = catalogueInputs(CONTRIBUTION_FIELDS, values, form.fieldErrors);
  return (
    <ActionForm form={form} hidden={hidden} className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">{fields("outcome", "amountSpent")}</div>
      {field("contribution")}
      <Button type="submit" disabled={form.pending}>
        {form.pending ? "Enregistrement…" : "Enregistrer la contribution"}
      </Button>
    </ActionForm>
  );
}
