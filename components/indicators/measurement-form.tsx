"use client";

// Enters a dated value of an indicator.
import { ActionForm } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { ServerAction } from "@/lib/actions/server-action";
import { addMeasurementSchema } from "@/lib/indicators/schema";

export function MeasurementForm({ action, indicator }: { action: ServerAction<null>; indicator: { id: string; name: string } }) {
  const form = useActionForm(action, { schema: addMeasurementSchema, resetOnSuccess: true });
  const errors = form.fieldErrors;
  return (
    <ActionForm form={form} hidden={{ indicatorId: indicator.id }} className="space-y-3" label={`Nouvelle mesure de « ${indicator.name} »`}>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 lg:items-start">
        <TextField label="Date de la mesure" name="measuredOn" type="date" error={errors.measuredOn} />
        <TextField label="Valeur" name="value" inputMode="decimal" error={errors.value} />
        <TextField label="Source" name="source" error={errors.source} />
        <TextField label="Commentaire" name="comment" error={errors.comment} />
      </div>
      <Button type="submit" variant="secondary" disabled={form.pending}>
        {form.pending ? "Enregistrement…" : "Enregistrer la mesure"}
      </Button>
    </ActionForm>
  );
}
