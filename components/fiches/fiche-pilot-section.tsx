"use client";

// The fiche form's pilot (organisation, account, contact) and its partners, one row each.
import { useRows } from "@/components/forms/use-rows";
import { Button } from "@/components/ui/button";
import { Combobox } from "@/components/ui/combobox";
import { RowButtons } from "@/components/ui/row-buttons";
import { SelectField, type SelectOption } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { FormGroup } from "@/components/ui/form-group";
import type { FicheChoices, SectionProps } from "./fiche-section";

export function PilotSection({
  values,
  errors,
  edit,
  choices,
  organisations,
  canRestructure,
}: SectionProps & { choices: FicheChoices; organisations: readonly SelectOption[]; canRestructure: boolean }) {
  const partners = useRows(values.partners, () => ({ organisationId: "", role: "" }));
  return (
    <FormGroup legend="Pilotage et partenaires">
      <div className="grid gap-4 sm:grid-cols-2">
        <Combobox
          label="Structure pilote"
          name="pilotOrganisationId"
          options={organisations}
          defaultValue={values.pilotOrganisationId}
          error={errors.pilotOrganisationId}
        />
        {canRestructure ? (
          <SelectField
            label="Compte du pilote sur OpenCLS"
            name="pilotUserId"
            defaultValue={values.pilotUserId}
            options={choices.members}
            placeholder="Aucun"
            hint="Une personne en contribution peut modifier les fiches qu’elle pilote."
            error={errors.pilotUserId}
          />
        ) : (
          <input type="hidden" name="pilotUserId" value={values.pilotUserId} />
        )}
        <TextField label="Contact pilote" name="pilotContactName" defaultValue={values.pilotContactName} error={errors.pilotContactName} />
        <TextField
          label="E-mail du contact pilote"
          name="pilotContactEmail"
          type="email"
          defaultValue={values.pilotContactEmail}
          error={errors.pilotContactEmail}
        />
      </div>
      <div>
        <p className="font-medium text-slate-900">Partenaires</p>
        <ol id={partners.listId} className="mt-2 space-y-3">
          {partners.rows.map(({ key, row }, index) => (
            <li key={key} data-row={key} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
              <Combobox
                label={`Partenaire ${index + 1}`}
                name={`partners.${index}.organisationId`}
                options={organisations}
                defaultValue={row.organisationId}
                error={errors[`partners.${index}.organisationId`]}
              />
              <TextField label="Rôle" name={`partners.${index}.role`} defaultValue={row.role} error={errors[`partners.${index}.role`]} />
              <RowButtons
                index={index}
                count={partners.rows.length}
                what={`le partenaire ${index + 1}`}
                onMove={edit((offset) => partners.move(key, offset))}
                onRemove={edit(() => partners.remove(key))}
              />
            </li>
          ))}
        </ol>
        <Button variant="secondary" className="mt-3" data-adds-to={partners.listId} onClick={edit(partners.add)}>
          Ajouter un partenaire
        </Button>
      </div>
    </FormGroup>
  );
}
