// The fiche form's sections of plain fields: the fiche itself, its content, and its links with
// the diagnosis and the regional health project (PRS). Each input is described by its entry in
// FICHE_FIELDS (lib/fiches/schema.ts).
import { catalogueInputs } from "@/components/forms/catalogue-field";
import { Checkbox } from "@/components/ui/checkbox";
import { FormGroup } from "@/components/ui/form-group";
import { COMMON_THEMES, FICHE_FIELDS } from "@/lib/fiches/schema";
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
        <fieldset>
          <legend className="font-medium text-slate-900">Constats du diagnostic traités</legend>
          <div className="mt-2 space-y-2">
            {choices.findings.map((finding) => (
              <Checkbox
                key={finding.value}
                name="findingIds"
                value={finding.value}
                label={finding.label}
                defaultChecked={values.findingIds.includes(finding.value)}
              />
            ))}
          </div>
        </fieldset>
      ) : null}
      {fields("prsObjective", "determinants")}
      <fieldset>
        <legend className="font-medium text-slate-900">Thématiques</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {[...new Set([...COMMON_THEMES, ...values.themes])].map((theme) => (
            <Checkbox key={theme} name="themes" value={theme} label={theme} defaultChecked={values.themes.includes(theme)} />
          ))}
        </div>
      </fieldset>
      {choices.previousFiches.length ? field("continuesFicheId", { options: choices.previousFiches }) : null}
    </FormGroup>
  );
}
