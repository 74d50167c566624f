"use client";

// Defines an indicator of a fiche, or edits one.
import { FormMessages } from "@/components/forms/form-messages";
import { useActionForm } from "@/components/forms/use-action-form";
import { useUnsavedChanges } from "@/components/forms/use-unsaved-changes";
import { Button } from "@/components/ui/button";
import { SelectField, type SelectOption } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import type { ServerAction } from "@/lib/actions/server-action";
import { COLLECTION_FREQUENCY_LABELS, INDICATOR_DIRECTION_LABELS, INDICATOR_LEVEL_LABELS } from "@/lib/indicators/labels";
import { createIndicatorSchema, updateIndicatorSchema } from "@/lib/indicators/schema";

export type IndicatorValues = {
  name: string;
  level: string;
  unit: string;
  direction: string;
  baselineValue: string;
  baselineOn: string;
  targetValue: string;
  targetOn: string;
  frequency: string;
  dataSource: string;
  ownerId: string;
  objectiveId: string;
};

const options = (labels: Record<string, string>): SelectOption[] => Object.entries(labels).map(([value, label]) => ({ value, label }));

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
  organisations: readonly SelectOption[];
}) {
  const {
    formRef,
    onSubmit,
    pending,
    fieldErrors: errors,
    error,
    success,
    conflict,
    reapply,
    reapplyVersion,
  } = useActionForm(action, {
    schema: indicator ? updateIndicatorSchema : createIndicatorSchema,
    resetOnSuccess: !indicator,
    onSuccess: () => markSaved(),
  });
  const { markSaved } = useUnsavedChanges(formRef);
  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-4">
      {indicator ? (
        <>
          <input type="hidden" name="indicatorId" value={indicator.id} />
          <input type="hidden" name="version" value={reapplyVersion ?? indicator.version} />
        </>
      ) : (
        <input type="hidden" name="ficheId" value={ficheId} />
      )}
      <FormMessages fieldErrors={errors} error={error} success={success} conflict={conflict} onReapply={reapply} />
      <TextField label="Nom de l’indicateur" name="name" defaultValue={values.name} required error={errors.name} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <SelectField label="Type" name="level" defaultValue={values.level} options={options(INDICATOR_LEVEL_LABELS)} error={errors.level} />
        <SelectField
          label="Sens souhaité"
          name="direction"
          defaultValue={values.direction}
          options={options(INDICATOR_DIRECTION_LABELS)}
          error={errors.direction}
        />
        <TextField label="Unité" name="unit" defaultValue={values.unit} hint="Par exemple « personnes » ou « % »." error={errors.unit} />
        <SelectField
          label="Fréquence de collecte"
          name="frequency"
          defaultValue={values.frequency}
          options={options(COLLECTION_FREQUENCY_LABELS)}
          error={errors.frequency}
        />
        <TextField
          label="Valeur de départ"
          name="baselineValue"
          inputMode="decimal"
          defaultValue={values.baselineValue}
          error={errors.baselineValue}
        />
        <TextField label="Date de départ" name="baselineOn" type="date" defaultValue={values.baselineOn} error={errors.baselineOn} />
        <TextField label="Cible" name="targetValue" inputMode="decimal" defaultValue={values.targetValue} error={errors.targetValue} />
        <TextField label="Date de la cible" name="targetOn" type="date" defaultValue={values.targetOn} error={errors.targetOn} />
      </div>
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField label="Source des données" name="dataSource" defaultValue={values.dataSource} error={errors.dataSource} />
        <SelectField
          label="Qui le renseigne"
          name="ownerId"
          defaultValue={values.ownerId}
          options={organisations}
          placeholder="Non précisé"
          error={errors.ownerId}
        />
        <SelectField
          label="Objectif mesuré"
          name="objectiveId"
          defaultValue={values.objectiveId}
          options={objectives}
          placeholder="La fiche dans son ensemble"
          error={errors.objectiveId}
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Enregistrement…" : indicator ? "Enregistrer l’indicateur" : "Ajouter l’indicateur"}
      </Button>
    </form>
  );
}
