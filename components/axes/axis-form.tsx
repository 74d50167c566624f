"use client";

// Adds an axis, or edits one (title, description, transversal).
import { FormMessages } from "@/components/forms/form-messages";
import { useActionForm } from "@/components/forms/use-action-form";
import { useUnsavedChanges } from "@/components/forms/use-unsaved-changes";
import { Button } from "@/components/ui/button";
import { TextArea } from "@/components/ui/text-area";
import { TextField } from "@/components/ui/text-field";
import type { ServerAction } from "@/lib/actions/server-action";
import { createAxisSchema, updateAxisSchema } from "@/lib/axes/schema";

type Axis = { id: string; version: number; title: string; description: string | null; isTransversal: boolean };

export function AxisForm({ action, contractId, axis }: { action: ServerAction<null>; contractId?: string; axis?: Axis }) {
  const { formRef, onSubmit, pending, fieldErrors, error, success, conflict, reapply, reapplyVersion } = useActionForm(action, {
    schema: axis ? updateAxisSchema : createAxisSchema,
    resetOnSuccess: !axis,
    onSuccess: () => markSaved(),
  });
  const { markSaved } = useUnsavedChanges(formRef);
  const idPrefix = axis ? `axe-${axis.id}` : "nouvel-axe";
  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-4">
      {axis ? (
        <>
          <input type="hidden" name="axisId" value={axis.id} />
          <input type="hidden" name="version" value={reapplyVersion ?? axis.version} />
        </>
      ) : (
        <input type="hidden" name="contractId" value={contractId} />
      )}
      <FormMessages fieldErrors={fieldErrors} error={error} success={success} conflict={conflict} onReapply={reapply} />
      <TextField label="Intitulé de l’axe" name="title" defaultValue={axis?.title} required error={fieldErrors.title} />
      <TextArea label="Description" name="description" rows={3} defaultValue={axis?.description ?? ""} error={fieldErrors.description} />
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
      <Button type="submit" disabled={pending}>
        {pending ? "Enregistrement…" : axis ? "Enregistrer l’axe" : "Ajouter l’axe"}
      </Button>
    </form>
  );
}
