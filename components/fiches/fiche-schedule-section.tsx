"use client";

// The fiche form's calendar: start, end and dated milestones.
import { catalogueInputs, inputProps } from "@/components/forms/catalogue-field";
import { RowList } from "@/components/forms/row-list";
import { useRows } from "@/components/forms/use-rows";
import { FormGroup } from "@/components/ui/form-group";
import { TextField } from "@/components/ui/text-field";
import { FICHE_FIELDS } from "@/lib/fiches/schema";
import type { SectionProps } from "./fiche-section";

export function ScheduleSection({ values, errors, edit }: SectionProps) {
  const milestones = useRows(values.milestones, () => ({ title: "", dueOn: "", doneOn: "" }));
  const { fields } = catalogueInputs(FICHE_FIELDS, values, errors);
  return (
    <FormGroup legend="Calendrier">
      <div className="grid gap-4 sm:grid-cols-2">{fields("startsOn", "endsOn")}</div>
      <RowList
        rows={milestones}
        edit={edit}
        field={FICHE_FIELDS.milestones}
        rowClassName="grid gap-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end"
      >
        {(row, index) => {
          const input = inputProps(row, errors, `milestones.${index}.`);
          return (
            <>
              <TextField label={`Étape ${index + 1}`} {...input("title")} />
              <TextField label="Prévue le" type="date" {...input("dueOn")} />
              <TextField label="Faite le" type="date" {...input("doneOn")} />
            </>
          );
        }}
      </RowList>
    </FormGroup>
  );
}
