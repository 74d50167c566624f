"use client";

// The fiche action editor: every field of a fiche, its partners, schedule, budget and its
// operational objectives with the partners' commitments, saved as one unit.
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { RowButtons } from "@/components/contracts/contract-form";
import { FormMessages } from "@/components/forms/form-messages";
import { useActionForm } from "@/components/forms/use-action-form";
import { useRows } from "@/components/forms/use-rows";
import { useUnsavedChanges } from "@/components/forms/use-unsaved-changes";
import { Button } from "@/components/ui/button";
import { Combobox } from "@/components/ui/combobox";
import { SelectField, type SelectOption } from "@/components/ui/select-field";
import { TextArea } from "@/components/ui/text-area";
import { TextField } from "@/components/ui/text-field";
import type { ServerAction } from "@/lib/actions/server-action";
import { GEOGRAPHIC_SCOPE_LABELS, PRIORITY_LABELS, PROGRESS_STATUS_LABELS } from "@/lib/fiches/labels";
import type { FicheFormValues } from "@/lib/fiches/queries";
import { COMMON_THEMES, ficheFieldsSchema } from "@/lib/fiches/schema";
import { formatNumber } from "@/lib/format";

const options = (labels: Record<string, string>): SelectOption[] => Object.entries(labels).map(([value, label]) => ({ value, label }));
const STATUS_OPTIONS = options(PROGRESS_STATUS_LABELS);

type Choices = { axes: SelectOption[]; findings: SelectOption[]; members: SelectOption[]; previousFiches: SelectOption[] };

/** "12 500,50" → 12500.5; anything else → 0 (the live total only; the server validates). */
const parseAmount = (text: string) => {
  const value = Number(text.replace(/[\s\u00a0\u202f€]/g, "").replace(",", "."));
  return Number.isFinite(value) ? value : 0;
};
const euros = (value: number) => `${value.toLocaleString("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}\u00a0€`;

function Group({ legend, children, description }: { legend: string; children: ReactNode; description?: string }) {
  return (
    <fieldset className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 sm:p-6">
      <legend className="px-1 text-lg font-semibold text-slate-900">{legend}</legend>
      {description ? <p className="text-sm text-slate-600">{description}</p> : null}
      {children}
    </fieldset>
  );
}

export function FicheForm({
  action,
  values,
  hidden,
  choices,
  organisations,
  canRestructure,
  afterCreate,
}: {
  action: ServerAction<{ ficheId: string }>;
  values: FicheFormValues;
  hidden: Record<string, string>;
  choices: Choices;
  organisations: readonly SelectOption[];
  /** Axis, number and pilot account are the coordinator's to change. */
  canRestructure: boolean;
  afterCreate?: string;
}) {
  const router = useRouter();
  const partners = useRows(values.partners, () => ({ organisationId: "", role: "" }));
  const milestones = useRows(values.milestones, () => ({ title: "", dueOn: "", doneOn: "" }));
  const budget = useRows(values.budgetLines, () => ({ funderId: "", funderLabel: "", fundingInstrument: "", year: "", amount: "" }));
  const objectives = useRows(values.objectives, () => ({
    id: "",
    title: "",
    description: "",
    dueOn: "",
    status: "not_started",
    progress: "0",
    weight: "",
    commitments: [] as FicheFormValues["objectives"][number]["commitments"],
  }));
  const [amounts, setAmounts] = useState<Record<string, number>>(() =>
    Object.fromEntries(budget.rows.map(({ key, row }) => [key, parseAmount(row.amount)])),
  );
  const form = useActionForm(action, {
    schema: ficheFieldsSchema,
    onSuccess: (saved) => {
      markSaved();
      if (afterCreate) router.push(`${afterCreate}/${saved.data.ficheId}`);
    },
  });
  const { formRef, onSubmit, pending, fieldErrors: errors } = form;
  const { markSaved, markDirty } = useUnsavedChanges(formRef);
  const edit =
    <Args extends unknown[]>(change: (...args: Args) => void) =>
    (...args: Args) => {
      markDirty();
      change(...args);
    };
  const total = budget.rows.reduce((sum, { key }) => sum + (amounts[key] ?? 0), 0);

  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-6">
      {Object.entries({ ...hidden, ...(form.reapplyVersion ? { version: form.reapplyVersion } : {}) }).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormMessages
        error={form.error}
        success={form.success}
        conflict={form.conflict}
        onReapply={form.reapply}
        onDiscard={() => {
          markSaved();
          window.location.reload();
        }}
      />

      <Group legend="La fiche">
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
                hint={values.number ? undefined : "Laissé vide : après la dernière fiche."}
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
            options={options(PRIORITY_LABELS)}
            placeholder="Non précisée"
            error={errors.priority}
          />
          <TextField
            label="Poids"
            name="weight"
            inputMode="numeric"
            defaultValue={values.weight}
            hint="Dans l’avancement de l’axe ; vide = 1."
            error={errors.weight}
          />
        </div>
      </Group>

      <Group legend="Contenu">
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
            options={options(GEOGRAPHIC_SCOPE_LABELS)}
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
      </Group>

      <Group legend="Pilotage et partenaires">
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
          <TextField
            label="Contact pilote"
            name="pilotContactName"
            defaultValue={values.pilotContactName}
            error={errors.pilotContactName}
          />
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
          <ol className="mt-2 space-y-3">
            {partners.rows.map(({ key, row }, index) => (
              <li key={key} className="grid gap-3 sm:grid-cols-[1fr_1fr_auto] sm:items-end">
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
          <Button variant="secondary" className="mt-3" onClick={edit(partners.add)}>
            Ajouter un partenaire
          </Button>
        </div>
      </Group>

      <Group legend="Calendrier">
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField label="Début" name="startsOn" type="date" defaultValue={values.startsOn} error={errors.startsOn} />
          <TextField label="Fin" name="endsOn" type="date" defaultValue={values.endsOn} error={errors.endsOn} />
        </div>
        <div>
          <p className="font-medium text-slate-900">Étapes</p>
          <ol className="mt-2 space-y-3">
            {milestones.rows.map(({ key, row }, index) => (
              <li key={key} className="grid gap-3 sm:grid-cols-[2fr_1fr_1fr_auto] sm:items-end">
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
          <Button variant="secondary" className="mt-3" onClick={edit(milestones.add)}>
            Ajouter une étape
          </Button>
        </div>
      </Group>

      <Group legend="Budget" description="Une ligne par financeur et par année. Le total et la part de chacun sont calculés.">
        <ol className="space-y-4">
          {budget.rows.map(({ key, row }, index) => (
            <li key={key} className="rounded-md border border-slate-200 p-4">
              <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
                <div className="lg:col-span-2">
                  <Combobox
                    label={`Financeur ${index + 1}`}
                    name={`budgetLines.${index}.funderId`}
                    options={organisations}
                    defaultValue={row.funderId}
                    error={errors[`budgetLines.${index}.funderId`]}
                  />
                </div>
                <TextField
                  label="Ou son nom"
                  name={`budgetLines.${index}.funderLabel`}
                  defaultValue={row.funderLabel}
                  hint="S’il n’est pas dans la liste."
                  error={errors[`budgetLines.${index}.funderLabel`]}
                />
                <TextField
                  label="Dispositif"
                  name={`budgetLines.${index}.fundingInstrument`}
                  defaultValue={row.fundingInstrument}
                  hint="Par exemple FIR."
                  error={errors[`budgetLines.${index}.fundingInstrument`]}
                />
                <TextField
                  label="Année"
                  name={`budgetLines.${index}.year`}
                  inputMode="numeric"
                  defaultValue={row.year}
                  error={errors[`budgetLines.${index}.year`]}
                />
                <TextField
                  label="Montant (€)"
                  name={`budgetLines.${index}.amount`}
                  inputMode="decimal"
                  defaultValue={row.amount}
                  onChange={(event) => setAmounts((current) => ({ ...current, [key]: parseAmount(event.target.value) }))}
                  hint={total > 0 ? `Part\u00a0: ${formatNumber(Math.round(((amounts[key] ?? 0) / total) * 1000) / 10)}\u00a0%` : undefined}
                  error={errors[`budgetLines.${index}.amount`]}
                />
              </div>
              <div className="mt-3">
                <RowButtons
                  index={index}
                  count={budget.rows.length}
                  what={`la ligne de budget ${index + 1}`}
                  onMove={edit((offset) => budget.move(key, offset))}
                  onRemove={edit(() => budget.remove(key))}
                />
              </div>
            </li>
          ))}
        </ol>
        <p className="font-semibold text-slate-900" aria-live="polite">
          Total&#8239;: {euros(total)}
        </p>
        <Button variant="secondary" onClick={edit(budget.add)}>
          Ajouter une ligne de budget
        </Button>
      </Group>

      <Group legend="Liens avec le diagnostic et le PRS">
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
      </Group>

      <Group
        legend="Objectifs opérationnels"
        description="Ce que les partenaires s’engagent à atteindre. L’avancement de la fiche est la moyenne de ses objectifs."
      >
        <ol className="space-y-4">
          {objectives.rows.map(({ key, row }, index) => (
            <li key={key} className="rounded-md border border-slate-300 p-4">
              <input type="hidden" name={`objectives.${index}.id`} value={row.id} />
              <TextField
                label={`Objectif ${index + 1}`}
                name={`objectives.${index}.title`}
                defaultValue={row.title}
                error={errors[`objectives.${index}.title`]}
              />
              <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
                <TextField
                  label="Échéance"
                  name={`objectives.${index}.dueOn`}
                  type="date"
                  defaultValue={row.dueOn}
                  error={errors[`objectives.${index}.dueOn`]}
                />
                <SelectField
                  label="Statut"
                  name={`objectives.${index}.status`}
                  defaultValue={row.status}
                  options={STATUS_OPTIONS}
                  error={errors[`objectives.${index}.status`]}
                />
                <TextField
                  label="Avancement (%)"
                  name={`objectives.${index}.progress`}
                  inputMode="numeric"
                  defaultValue={row.progress}
                  error={errors[`objectives.${index}.progress`]}
                />
                <TextField
                  label="Poids"
                  name={`objectives.${index}.weight`}
                  inputMode="numeric"
                  defaultValue={row.weight}
                  error={errors[`objectives.${index}.weight`]}
                />
              </div>
              <div className="mt-3">
                <TextArea
                  label="Précisions"
                  name={`objectives.${index}.description`}
                  rows={2}
                  defaultValue={row.description}
                  error={errors[`objectives.${index}.description`]}
                />
              </div>
              <Commitments objectiveIndex={index} initial={row.commitments} organisations={organisations} errors={errors} edit={edit} />
              <div className="mt-3">
                <RowButtons
                  index={index}
                  count={objectives.rows.length}
                  what={`l’objectif ${index + 1}`}
                  onMove={edit((offset) => objectives.move(key, offset))}
                  onRemove={edit(() => {
                    // An objective already saved goes to the trash on save: ask first.
                    if (
                      !row.id ||
                      window.confirm(
                        "Retirer cet objectif\u00a0? Il ira à la corbeille à l’enregistrement, restaurable pendant 30\u00a0jours.",
                      )
                    )
                      objectives.remove(key);
                  })}
                />
              </div>
            </li>
          ))}
        </ol>
        <Button variant="secondary" onClick={edit(objectives.add)}>
          Ajouter un objectif
        </Button>
      </Group>

      <div className="sticky bottom-0 -mx-4 border-t border-slate-200 bg-slate-50/95 px-4 py-3 sm:mx-0 sm:rounded-lg sm:border">
        <Button type="submit" disabled={pending}>
          {pending ? "Enregistrement…" : afterCreate ? "Créer la fiche" : "Enregistrer la fiche"}
        </Button>
      </div>
    </form>
  );
}

function Checkbox({ name, value, label, defaultChecked }: { name: string; value: string; label: string; defaultChecked: boolean }) {
  const id = `${name}-${value}`.replace(/[^A-Za-z0-9_-]/g, "-");
  return (
    <div className="flex items-start gap-2">
      <input
        id={id}
        type="checkbox"
        name={name}
        value={value}
        defaultChecked={defaultChecked}
        className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}

/** The partners committed to one objective, each with what they commit to. */
function Commitments({
  objectiveIndex,
  initial,
  organisations,
  errors,
  edit,
}: {
  objectiveIndex: number;
  initial: FicheFormValues["objectives"][number]["commitments"];
  organisations: readonly SelectOption[];
  errors: Record<string, string>;
  edit: <Args extends unknown[]>(change: (...args: Args) => void) => (...args: Args) => void;
}) {
  const rows = useRows(initial, () => ({ organisationId: "", description: "" }));
  const prefix = `objectives.${objectiveIndex}.commitments`;
  return (
    <div className="mt-3 rounded-md bg-slate-50 p-3">
      <p className="font-medium text-slate-900">Engagements des partenaires</p>
      <ol className="mt-2 space-y-3">
        {rows.rows.map(({ key, row }, index) => (
          <li key={key} className="grid gap-3 sm:grid-cols-[1fr_2fr_auto] sm:items-end">
            <Combobox
              label={`Partenaire engagé ${index + 1}`}
              name={`${prefix}.${index}.organisationId`}
              options={organisations}
              defaultValue={row.organisationId}
              error={errors[`${prefix}.${index}.organisationId`]}
            />
            <TextField
              label="Engagement"
              name={`${prefix}.${index}.description`}
              defaultValue={row.description}
              error={errors[`${prefix}.${index}.description`]}
            />
            <RowButtons
              index={index}
              count={rows.rows.length}
              what={`l’engagement ${index + 1} de l’objectif ${objectiveIndex + 1}`}
              onMove={edit((offset) => rows.move(key, offset))}
              onRemove={edit(() => rows.remove(key))}
            />
          </li>
        ))}
      </ol>
      <Button variant="secondary" className="mt-3" onClick={edit(rows.add)}>
        Ajouter un engagement
      </Button>
    </div>
  );
}
