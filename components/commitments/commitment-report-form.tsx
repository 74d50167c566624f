"use client";

// A partner's report on its commitment: status, progress, resources and a dated comment.
import { catalogueInputs } from "@/components/forms/catalogue-field";
import { ActionForm } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { useUnsavedChanges } from "@/components/forms/use-unsaved-changes";
import { Button } from "@/components/ui/button";
import type { ServerAction } from "@/lib/actions/server-action";
import type { FormValuesOf } from "@/lib/catalogue";
import { COMMITMENT_REPORT_FIELDS, reportCommitmentSchema } from "@/lib/commitments/schema";

export type CommitmentReportValues = FormValuesOf<typeof COMMITMENT_REPORT_FIELDS>;

export function CommitmentReportForm({
  action,
  commitment,
  values,
}: {
  action: ServerAction<null>;
  commitment: { id: string; version: number };
  values: CommitmentReportValues;
}) {
  const form = useActionForm(action, { schema: reportCommitmentSchema, onSuccess: () => markSaved() });
  const { markSaved } = useUnsavedChanges(form.formRef);
  const { field, fields } = catalogueInputs(COMMITMENT_REPORT_FIELDS, values, form.fieldErrors);
  return (
    <ActionForm form={form} hidden={{ commitmentId: commitment.id, version: commitment.version }} className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">{fields("status", "progress")}</div>
      <fieldset className="space-y-4">
        <legend className="font-semibold text-slate-900">Moyens mobilisés</legend>
        {field("humanResources")}
        <div className="grid gap-4 sm:grid-cols-[12rem_1fr]">{fields("financialAmount", "financialDetails")}</div>
        {field("inKindResources")}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem]">{fields("comment", "commentedOn")}</div>
      <Button type="submit" disabled={form.pending}>
        {form.pending ? "Enregistrement…" : "Enregistrer le point d’avancement"}
      </Button>
    </ActionForm>
  );
}
