"use client";

// Defines an indicator of a fiche, or edits one.
import type { OptionSource } from "@/components/ui/combobox";
import { catalogueInputs } from "@/components/forms/catalogue-field";
import { ActionForm } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { useUnsavedChanges } from "@/components/forms/use-unsaved-changes";
import { Button } from "@/components/ui/button";
import type { SelectOption } from "@/components/ui/select-field";
import type { ServerAction } from "@/lib/actions/server-action";
import type { FormValuesOf } from "@/lib/catalogue";
import { createIndicatorSchema, INDICATOR_FIELDS, updateIndicatorSchema } from "@/lib/indicators/schema";

export type IndicatorValues = FormValuesOf<typeof INDICATOR_FIELDS>;

export function IndicatorForm({
  action,
  ficheId,
  indicator,
  values,
  objectives,
  organisations,
}: {
  action: ServerAction<null>;
  ficheId?: string;
  indicator?: { id: string; version: number };
  values: IndicatorValues;
  objectives: readonly SelectOption[];
  organisations: OptionSource;
}) {
  const form = useActionForm(action, {
    schema: indicator ? updateIndicatorSchema : createIndicatorSchema,
    resetOnSuccess: !indicator,
    onSuccess: () => markSaved(),
  });
  const { markSaved } = useUnsavedChanges(form.formRef);
  const { field, fields } = catalogueInputs(INDICATOR_FIELDS, values, form.fieldErrors);
  return (
    <ActionForm
      form={form}
      hidden={indicator ? { indicatorId: indicator.id, version: indicator.version } : { ficheId }}
      className="space-y-4"
    >
      {field("name")}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {fields("level", "direction", "unit", "frequency", "baselineValue", "baselineOn", "targetValue", "targetOn")}
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        {field("dataSource")}
        {field("ownerId", { options: organisations })}
        {field("objectiveId", { options: objectives })}
      </div>
      <Button type="submit" disabled={form.pending}>
        {form.pending ? "Enregistrement…" : indicator ? "Enregistrer l’indicateur" : "Ajouter l’indicateur"}
      </Button>
    </ActionForm>
  );
}
