"use client";

// Enters a dated value of an indicator.
import { FormMessages } from "@/components/forms/form-messages";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { ServerAction } from "@/lib/actions/server-action";
import { addMeasurementSchema } from "@/lib/indicators/schema";

export function MeasurementForm({ action, indicator }: { action: ServerAction<null>; indicator: { id: string; name: string } }) {
  const {
    formRef,
    onSubmit,
    pending,
    fieldErrors: errors,
    error,
    success,
  } = useActionForm(action, { schema: addMeasurementSchema, resetOnSuccess: true });
  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-3" aria-label={`Nouvelle mesure de « ${indicator.name} »`}>
      <input type="hidden" name="indicatorId" value={indicator.id} />
      <FormMessages fieldErrors={errors} error={error} success={success} />
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 lg:items-start">
        <TextField label="Date de la mesure" name="measuredOn" type="date" error={errors.measuredOn} />
        <TextField label="Valeur" name="value" inputMode="decimal" error={errors.value} />
        <TextField label="Source" name="source" error={errors.source} />
        <TextField label="Commentaire" name="comment" error={errors.comment} />
      </div>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Enregistrement…" : "Enregistrer la mesure"}
      </Button>
    </form>
  );
}
