"use client";

// Adds an axis, or edits one (title, description, transversal).
import { ActionForm } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { useUnsavedChanges } from "@/components/forms/use-unsaved-changes";
import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/text-area";
import { TextField } from "@/components/ui/text-field";
import type { ServerAction } from "@/lib/actions/server-action";
import { createAxisSchema, updateAxisSchema } from "@/lib/axes/schema";

type Axis = { id: string; version: number; title: string; description: string | null; isTransversal: boolean };

export function AxisForm({ action, contractId, axis }: { action: ServerAction<null>; contractId?: string; axis?: Axis }) {
  const form = useActionForm(action, {
    schema: axis ? updateAxisSchema : createAxisSchema,
    resetOnSuccess: !axis,
    onSuccess: () => markSaved(),
  });
  const { markSaved } = useUnsavedChanges(form.formRef);
  const idPrefix = axis ? `axe-${axis.id}` : "nouvel-axe";
  return (
    <ActionForm form={form} hidden={axis ? { axisId: axis.id, version: axis.version } : { contractId }} className="space-y-4">
      <TextField label="Intitulé de l’axe" name="title" defaultValue={axis?.title} required error={form.fieldErrors.title} />
      <TextArea
        label="Description"
        name="description"
        rows={3}
        defaultValue={axis?.description ?? ""}
        error={form.fieldErrors.description}
      />
      <div className="flex items-center gap-2">
        <input
          id={`${idPrefix}-transversal`}
          type="checkbox"
          name="isTransversal"
          defaultChecked={axis?.isTransversal}
          className="h-5 w-5 accent-brand-700"
        />
        <label htmlFor={`${idPrefix}-transversal`}>Axe transversal (non numéroté, il traverse les autres axes)</label>
      </div>
      <Button type="submit" disabled={form.pending}>
        {form.pending ? "Enregistrement…" : axis ? "Enregistrer l’axe" : "Ajouter l’axe"}
      </Button>
    </ActionForm>
  );
}
