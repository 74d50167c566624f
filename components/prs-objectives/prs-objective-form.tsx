"use client";

// Adds an objective to a region's PRS list, or edits one (code and label) from the version loaded.
import { ActionForm } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { useUnsavedChanges } from "@/components/forms/use-unsaved-changes";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { ServerAction } from "@/lib/actions/server-action";
import { createPrsObjectiveSchema, PRS_CODE_MAX, updatePrsObjectiveSchema } from "@/lib/prs-objectives/schema";

type Objective = { id: string; version: number; code: string | null; label: string };

export function PrsObjectiveForm({
  action,
  regionId,
  objective,
}: {
  action: ServerAction<null>;
  regionId?: string;
  objective?: Objective;
}) {
  const form = useActionForm(action, {
    schema: objective ? updatePrsObjectiveSchema : createPrsObjectiveSchema,
    resetOnSuccess: !objective,
    onSuccess: () => markSaved(),
  });
  const { markSaved } = useUnsavedChanges(form.formRef);
  return (
    <ActionForm
      form={form}
      hidden={objective ? { prsObjectiveId: objective.id, version: objective.version } : { regionId }}
      className="space-y-4"
    >
      <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
        <TextField
          label="Code"
          name="code"
          defaultValue={objective?.code ?? ""}
          maxLength={PRS_CODE_MAX}
          hint="Par exemple 2.3."
          error={form.fieldErrors.code}
        />
        <TextField
          label="Intitulé"
          name="label"
          defaultValue={objective?.label}
          required
          hint="Tel que le PRS le formule."
          error={form.fieldErrors.label}
        />
      </div>
      <Button type="submit" disabled={form.pending}>
        {form.pending ? "Enregistrement…" : objective ? "Enregistrer l’objectif" : "Ajouter l’objectif"}
      </Button>
    </ActionForm>
  );
}
