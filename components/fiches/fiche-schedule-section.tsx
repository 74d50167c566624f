"use client";

// The fiche form's calendar: start, end and dated milestones.
import { useRows } from "@/components/forms/use-rows";
import { Button } from "@/components/ui/button";
import { FormGroup } from "@/components/ui/form-group";
import { RowButtons } from "@/components/ui/row-buttons";
import { TextField } from "@/components/ui/text-field";
import type { SectionProps } from "./fiche-section";

export function ScheduleSection({ values, errors, edit }: SectionProps) {
  const milestones = useRows(values.milestones, () => ({ title: "", dueOn: "", doneOn: "" }));
  return (
    <FormGroup legend="Calendrier">
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Début" name="startsOn" type="date" defaultValue={values.startsOn} error={errors.startsOn} />
        <TextField label="Fin" name="endsOn" type="date" defaultValue={values.endsOn} error={errors.endsOn} />
      </div>
      <div>
        <p className="font-medium text-slate-900">Étapes</p>
        <ol id={milestones.listId} className="mt-2 space-y-3">
          {milestones.rows.map(({ key, row }, index) => (
            <li key={key} data-row={key} className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end">
              <TextField
                label={`Étape ${index + 1}`}
                name={`milestones.${index}.title`}
                defaultValue={row.title}
                error={errors[`milestones.${index}.title`]}
              />
              <TextField
                label="Prévue le"
                name={`milestones.${index}.dueOn`}
                type="date"
                defaultValue={row.dueOn}
                error={errors[`milestones.${index}.dueOn`]}
              />
              <TextField
                label="Faite le"
                name={`milestones.${index}.doneOn`}
                type="date"
                defaultValue={row.doneOn}
                error={errors[`milestones.${index}.doneOn`]}
              />
              <RowButtons
                index={index}
                count={milestones.rows.length}
                what={`l’étape ${index + 1}`}
                onMove={edit((offset) => milestones.move(key, offset))}
                onRemove={edit(() => milestones.remove(key))}
              />
            </li>
          ))}
        </ol>
        <Button variant="secondary" className="mt-3" data-adds-to={milestones.listId} onClick={edit(milestones.add)}>
          Ajouter une étape
        </Button>
      </div>
    </FormGroup>
  );
}
