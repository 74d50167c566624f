// The fiche form's sections of plain fields: the fiche itself, its content, and its links with
// the diagnosis and the regional health project (PRS).
import { Checkbox } from "@/components/ui/checkbox";
import { FormGroup } from "@/components/ui/form-group";
import { SelectField } from "@/components/ui/select-field";
import { TextArea } from "@/components/ui/text-area";
import { TextField } from "@/components/ui/text-field";
import { GEOGRAPHIC_SCOPE_LABELS, PRIORITY_LABELS, PROGRESS_STATUS_LABELS } from "@/lib/fiches/labels";
import { COMMON_THEMES } from "@/lib/fiches/schema";
import { optionsOf, type FicheChoices, type SectionProps } from "./fiche-section";

export const STATUS_OPTIONS = optionsOf(PROGRESS_STATUS_LABELS);

/** Title, place in the contract, status, progress, priority and weight. */
export function GeneralSection({
  values,
  errors,
  choices,
  canRestructure,
}: Omit<SectionProps, "edit"> & { choices: FicheChoices; canRestructure: boolean }) {
  return (
    <FormGroup legend="La fiche">
      <TextField label="Intitulé" name="title" defaultValue={values.title} required error={errors.title} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {canRestructure ? (
          <>
            <SelectField label="Axe" name="axisId" defaultValue={values.axisId} options={choices.axes} error={errors.axisId} />
            <TextField
              label="Numéro"
              name="number"
              inputMode="numeric"
              defaultValue={values.number}
              hint={values.number ? undefined : "Laissé vide\u00a0: après la dernière fiche."}
              error={errors.number}
            />
          </>
        ) : (
          <input type="hidden" name="axisId" value={values.axisId} />
        )}
        <SelectField label="Statut" name="status" defaultValue={values.status} options={STATUS_OPTIONS} error={errors.status} />
        <TextField
          label="Avancement (%)"
          name="progress"
          inputMode="numeric"
          defaultValue={values.progress}
          hint="Utilisé quand la fiche n’a pas d’objectif opérationnel."
          error={errors.progress}
        />
        <SelectField
          label="Priorité"
          name="priority"
          defaultValue={values.priority}
          options={optionsOf(PRIORITY_LABELS)}
          placeholder="Non précisée"
          error={errors.priority}
        />
        <TextField
          label="Poids"
          name="weight"
          inputMode="numeric"
          defaultValue={values.weight}
          hint={"Dans l’avancement de l’axe\u00a0; vide = 1."}
          error={errors.weight}
        />
      </div>
    </FormGroup>
  );
}

export function ContentSection({ values, errors }: Omit<SectionProps, "edit">) {
  return (
    <FormGroup legend="Contenu">
      <TextArea label="Contexte et constats" name="context" defaultValue={values.context} error={errors.context} />
      <TextArea
        label="Objectif général"
        name="generalObjective"
        rows={3}
        defaultValue={values.generalObjective}
        error={errors.generalObjective}
      />
      <TextArea
        label="Description et mise en œuvre"
        name="description"
        rows={6}
        defaultValue={values.description}
        error={errors.description}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextArea label="Public cible" name="targetPublic" rows={3} defaultValue={values.targetPublic} error={errors.targetPublic} />
        <TextArea
          label="Publics vulnérables concernés"
          name="vulnerableGroups"
          rows={3}
          defaultValue={values.vulnerableGroups}
          error={errors.vulnerableGroups}
        />
        <SelectField
          label="Périmètre géographique"
          name="geographicScope"
          defaultValue={values.geographicScope}
          options={optionsOf(GEOGRAPHIC_SCOPE_LABELS)}
          error={errors.geographicScope}
        />
        <TextArea
          label="Communes ou quartiers concernés"
          name="geographicScopeDetail"
          rows={2}
          defaultValue={values.geographicScopeDetail}
          error={errors.geographicScopeDetail}
        />
      </div>
    </FormGroup>
  );
}

export function LinksSection({ values, errors, choices }: Omit<SectionProps, "edit"> & { choices: FicheChoices }) {
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
      <TextArea
        label="Objectif du projet régional de santé"
        name="prsObjective"
        rows={2}
        defaultValue={values.prsObjective}
        error={errors.prsObjective}
      />
      <TextArea
        label="Déterminants de santé"
        name="determinants"
        rows={3}
        defaultValue={values.determinants}
        hint="Un par ligne."
        error={errors.determinants}
      />
      <fieldset>
        <legend className="font-medium text-slate-900">Thématiques</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {[...new Set([...COMMON_THEMES, ...values.themes])].map((theme) => (
            <Checkbox key={theme} name="themes" value={theme} label={theme} defaultChecked={values.themes.includes(theme)} />
          ))}
        </div>
      </fieldset>
      {choices.previousFiches.length ? (
        <SelectField
          label="Fiche du contrat précédent que celle-ci poursuit"
          name="continuesFicheId"
          defaultValue={values.continuesFicheId}
          options={choices.previousFiches}
          placeholder="Aucune"
          error={errors.continuesFicheId}
        />
      ) : null}
    </FormGroup>
  );
}
