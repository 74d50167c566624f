// The fiche form's sections of plain fields: the fiche itself, its content, and its links with
// the diagnosis and the regional health project (PRS). Each input is described by its entry in
// FICHE_FIELDS (lib/fiches/schema.ts).
import { catalogueInputs } from "@/components/forms/catalogue-field";
import { CheckboxGroup } from "@/components/ui/checkbox";
import { FormGroup } from "@/components/ui/form-group";
import { FICHE_THEME_LABELS } from "@/lib/fiches/labels";
import { FICHE_FIELDS } from "@/lib/fiches/schema";
import type { FicheChoices, SectionProps } from "./fiche-section";

/** Title, place in the contract, status, progress, priority and weight. */
export function GeneralSection({
  values,
  errors,
  choices,
  canRestructure,
}: SectionProps & { choices: FicheChoices; canRestructure: boolean }) {
  const { field, fields } = catalogueInputs(FICHE_FIELDS, values, errors);
  return (
    <FormGroup legend="La fiche">
      {field("title")}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {canRestructure ? (
          <>
            {field("axisId", { options: choices.axes })}
            {field("number", { hint: values.number ? undefined : "Laissé vide\u00a0: après la dernière fiche." })}
          </>
        ) : (
          <input type="hidden" name="axisId" value={values.axisId} />
        )}
        {fields("status", "progress", "priority", "weight")}
      </div>
    </FormGroup>
  );
}

export function ContentSection({ values, errors }: SectionProps) {
  const { fields } = catalogueInputs(FICHE_FIELDS, values, errors);
  return (
    <FormGroup legend="Contenu">
      {fields("context", "generalObjective", "description")}
      <div className="grid gap-4 sm:grid-cols-2">
        {fields("targetPublic", "vulnerableGroups", "geographicScope", "geographicScopeDetail")}
      </div>
    </FormGroup>
  );
}

export function LinksSection({ values, errors, choices }: SectionProps & { choices: FicheChoices }) {
  const { field, fields } = catalogueInputs(FICHE_FIELDS, values, errors);
  return (
    <FormGroup legend="Liens avec le diagnostic et le PRS">
      {choices.findings.length ? (
        <CheckboxGroup legend="Constats du diagnostic traités" name="findingIds" options={choices.findings} checked={values.findingIds} />
      ) : null}
      {field("prsObjectiveId", { options: choices.prsObjectives })}
      {fields("determinants")}
      <CheckboxGroup
        legend="Thématiques"
        name="themes"
        options={Object.entries(FICHE_THEME_LABELS).map(([value, label]) => ({ value, label }))}
        checked={values.themes}
        columns
      />
      {choices.previousFiches.length ? field("continuesFicheId", { options: choices.previousFiches }) : null}
    </FormGroup>
  );
}
