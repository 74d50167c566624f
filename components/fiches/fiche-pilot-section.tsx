"use client";

// The fiche form's pilot (organisation, account, contact) and its partners, one row each.
import { catalogueInputs, inputProps } from "@/components/forms/catalogue-field";
import { RowList } from "@/components/forms/row-list";
import { useRows } from "@/components/forms/use-rows";
import { Combobox, type OptionSource } from "@/components/ui/combobox";
import { FormGroup } from "@/components/ui/form-group";
import { TextField } from "@/components/ui/text-field";
import { FICHE_FIELDS } from "@/lib/fiches/schema";
import type { FicheChoices, SectionProps } from "./fiche-section";

export function PilotSection({
  values,
  errors,
  edit,
  choices,
  organisations,
  canRestructure,
}: SectionProps & { choices: FicheChoices; organisations: OptionSource; canRestructure: boolean }) {
  const partners = useRows(values.partners, () => ({ organisationId: "", role: "" }));
  const { field, fields } = catalogueInputs(FICHE_FIELDS, values, errors);
  return (
    <FormGroup legend="Pilotage et partenaires">
      <div className="grid gap-4 sm:grid-cols-2">
        {field("pilotOrganisationId", { options: organisations })}
        {canRestructure ? (
          field("pilotUserId", { options: choices.members })
        ) : (
          <input type="hidden" name="pilotUserId" value={values.pilotUserId} />
        )}
        {fields("pilotContactName", "pilotContactEmail")}
      </div>
      <RowList rows={partners} edit={edit} field={FICHE_FIELDS.partners} rowClassName="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        {(row, index) => {
          const input = inputProps(row, errors, `partners.${index}.`);
          return (
            <>
              <Combobox label={`Partenaire ${index + 1}`} options={organisations} {...input("organisationId")} />
              <TextField label="Rôle" {...input("role")} />
            </>
          );
        }}
      </RowList>
    </FormGroup>
  );
}
