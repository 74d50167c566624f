"use client";

// The contract form: its facts, calendar, diagnosis findings and signatories, saved as one unit.
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormMessages } from "@/components/forms/form-messages";
import { useActionForm } from "@/components/forms/use-action-form";
import { useRows } from "@/components/forms/use-rows";
import { useUnsavedChanges } from "@/components/forms/use-unsaved-changes";
import { announce } from "@/components/forms/notices";
import { Button } from "@/components/ui/button";
import { RowButtons } from "@/components/ui/row-buttons";
import { SaveBar } from "@/components/ui/save-bar";
import { SelectField, type SelectOption } from "@/components/ui/select-field";
import { TextArea } from "@/components/ui/text-area";
import { TextField } from "@/components/ui/text-field";
import type { ServerAction } from "@/lib/actions/server-action";
import { CONTRACT_STATUS_LABELS, VISIBILITY_LABELS } from "@/lib/contracts/labels";
import { contractFieldsSchema, durationInMonths } from "@/lib/contracts/schema";
import { formatDuration } from "@/lib/format";

export type ContractFormValues = {
  title: string;
  generation: string;
  status: string;
  visibility: string;
  summary: string;
  councilAdoptedOn: string;
  signedOn: string;
  startsOn: string;
  endsOn: string;
  prsReference: string;
  diagnosisSource: string;
  diagnosisYear: string;
  diagnosisSummary: string;
  findings: Array<{ id: string; text: string }>;
  signatories: Array<{
    organisationId: string;
    signerName: string;
    signerTitle: string;
    signedOn: string;
    deliberationReference: string;
    deliberationDate: string;
  }>;
};

const options = (labels: Record<string, string>): SelectOption[] => Object.entries(labels).map(([value, label]) => ({ value, label }));
const parseDay = (value: string) => (/^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : null);

export function ContractForm({
  action,
  values,
  hidden,
  organisations,
  afterCreate,
}: {
  action: ServerAction<{ contractId: string }>;
  values: ContractFormValues;
  /** territoryId (creation) or contractId and version (edition). */
  hidden: Record<string, string>;
  organisations: readonly SelectOption[];
  /** Where to go once created: the contract page, given its id. */
  afterCreate?: string;
}) {
  const router = useRouter();
  const [period, setPeriod] = useState({ startsOn: values.startsOn, endsOn: values.endsOn });
  const findings = useRows(values.findings, () => ({ id: "", text: "" }));
  const signatories = useRows(values.signatories, () => ({
    organisationId: "",
    signerName: "",
    signerTitle: "",
    signedOn: "",
    deliberationReference: "",
    deliberationDate: "",
  }));
  const { formRef, onSubmit, pending, fieldErrors, error, success, conflict, reapply, reapplyVersion } = useActionForm(action, {
    schema: contractFieldsSchema,
    onSuccess: (saved) => {
      markSaved();
      if (!afterCreate) return;
      const path = `${afterCreate}/${saved.data.contractId}`;
      announce({ message: saved.message ?? "Le contrat est créé.", path });
      router.push(path);
    },
  });
  const { markSaved, markDirty } = useUnsavedChanges(formRef);
  // Adding, moving or removing a row is a change too.
  const edit =
    <Args extends unknown[]>(change: (...args: Args) => void) =>
    (...args: Args) => {
      markDirty();
      change(...args);
    };
  const months = durationInMonths(parseDay(period.startsOn), parseDay(period.endsOn));

  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-8">
      {Object.entries({ ...hidden, ...(reapplyVersion ? { version: reapplyVersion } : {}) }).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormMessages
        error={error}
        fieldErrors={fieldErrors}
        success={success}
        conflict={conflict}
        onReapply={reapply}
        onDiscard={() => {
          markSaved();
          window.location.reload();
        }}
      />

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold text-slate-900">Le contrat</legend>
        <TextField label="Titre" name="title" defaultValue={values.title} required error={fieldErrors.title} />
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField
            label="Rang"
            name="generation"
            inputMode="numeric"
            defaultValue={values.generation}
            hint="1 pour un premier contrat, 2 pour son renouvellement…"
            error={fieldErrors.generation}
          />
          <SelectField
            label="Étape"
            name="status"
            defaultValue={values.status}
            options={options(CONTRACT_STATUS_LABELS)}
            error={fieldErrors.status}
          />
          <SelectField
            label="Visibilité"
            name="visibility"
            defaultValue={values.visibility}
            options={options(VISIBILITY_LABELS)}
            hint={"Publié\u00a0: visible de tous sur la page publique du territoire."}
            error={fieldErrors.visibility}
          />
        </div>
        <TextArea
          label="Présentation"
          name="summary"
          defaultValue={values.summary}
          hint="Quelques phrases pour la page publique."
          error={fieldErrors.summary}
        />
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold text-slate-900">Calendrier</legend>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <TextField
            label="Adoption en conseil"
            name="councilAdoptedOn"
            type="date"
            defaultValue={values.councilAdoptedOn}
            error={fieldErrors.councilAdoptedOn}
          />
          <TextField label="Signature" name="signedOn" type="date" defaultValue={values.signedOn} error={fieldErrors.signedOn} />
          <TextField
            label="Début"
            name="startsOn"
            type="date"
            defaultValue={values.startsOn}
            onChange={(event) => setPeriod((p) => ({ ...p, startsOn: event.target.value }))}
            error={fieldErrors.startsOn}
          />
          <TextField
            label="Fin"
            name="endsOn"
            type="date"
            defaultValue={values.endsOn}
            onChange={(event) => setPeriod((p) => ({ ...p, endsOn: event.target.value }))}
            error={fieldErrors.endsOn}
          />
        </div>
        <p className="text-slate-700" aria-live="polite">
          Durée&#8239;: {months ? formatDuration(months) : "calculée à partir du début et de la fin"}
        </p>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold text-slate-900">Diagnostic local de santé</legend>
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField
            label="Référence du projet régional de santé"
            name="prsReference"
            defaultValue={values.prsReference}
            error={fieldErrors.prsReference}
          />
          <TextField
            label="Source du diagnostic"
            name="diagnosisSource"
            defaultValue={values.diagnosisSource}
            hint="Par exemple l’ORS."
            error={fieldErrors.diagnosisSource}
          />
          <TextField
            label="Année du diagnostic"
            name="diagnosisYear"
            inputMode="numeric"
            defaultValue={values.diagnosisYear}
            error={fieldErrors.diagnosisYear}
          />
        </div>
        <TextArea
          label="Synthèse du diagnostic"
          name="diagnosisSummary"
          defaultValue={values.diagnosisSummary}
          error={fieldErrors.diagnosisSummary}
        />
        <div>
          <p className="font-medium text-slate-900">Constats</p>
          <ol id={findings.listId} className="mt-2 space-y-3">
            {findings.rows.map(({ key, row }, index) => (
              <li key={key} data-row={key} className="flex flex-col gap-2 sm:flex-row sm:items-end">
                <input type="hidden" name={`findings.${index}.id`} value={row.id} />
                <div className="grow">
                  <TextField
                    label={`Constat ${index + 1}`}
                    name={`findings.${index}.text`}
                    defaultValue={row.text}
                    error={fieldErrors[`findings.${index}.text`]}
                  />
                </div>
                <RowButtons
                  index={index}
                  count={findings.rows.length}
                  what={`le constat ${index + 1}`}
                  onMove={edit((offset) => findings.move(key, offset))}
                  onRemove={edit(() => findings.remove(key))}
                />
              </li>
            ))}
          </ol>
          <Button variant="secondary" className="mt-3" data-adds-to={findings.listId} onClick={edit(findings.add)}>
            Ajouter un constat
          </Button>
        </div>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold text-slate-900">Signataires</legend>
        <ol id={signatories.listId} className="space-y-4">
          {signatories.rows.map(({ key, row }, index) => (
            <li key={key} data-row={key} className="rounded-md border border-slate-200 p-4">
              <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                <SelectField
                  label={`Signataire ${index + 1}`}
                  name={`signatories.${index}.organisationId`}
                  defaultValue={row.organisationId}
                  options={organisations}
                  placeholder="Choisir l’organisation…"
                  error={fieldErrors[`signatories.${index}.organisationId`]}
                />
                <TextField
                  label="Date de signature"
                  name={`signatories.${index}.signedOn`}
                  type="date"
                  defaultValue={row.signedOn}
                  error={fieldErrors[`signatories.${index}.signedOn`]}
                />
                <TextField
                  label="Nom de la personne signataire"
                  name={`signatories.${index}.signerName`}
                  defaultValue={row.signerName}
                  error={fieldErrors[`signatories.${index}.signerName`]}
                />
                <TextField
                  label="Qualité"
                  name={`signatories.${index}.signerTitle`}
                  defaultValue={row.signerTitle}
                  hint={"Par exemple «\u00a0Directeur général\u00a0»."}
                  error={fieldErrors[`signatories.${index}.signerTitle`]}
                />
                <TextField
                  label="Référence de la délibération"
                  name={`signatories.${index}.deliberationReference`}
                  defaultValue={row.deliberationReference}
                  error={fieldErrors[`signatories.${index}.deliberationReference`]}
                />
                <TextField
                  label="Date de la délibération"
                  name={`signatories.${index}.deliberationDate`}
                  type="date"
                  defaultValue={row.deliberationDate}
                  error={fieldErrors[`signatories.${index}.deliberationDate`]}
                />
              </div>
              <div className="mt-3">
                <RowButtons
                  index={index}
                  count={signatories.rows.length}
                  what={`le signataire ${index + 1}`}
                  onMove={edit((offset) => signatories.move(key, offset))}
                  onRemove={edit(() => signatories.remove(key))}
                />
              </div>
            </li>
          ))}
        </ol>
        <Button variant="secondary" data-adds-to={signatories.listId} onClick={edit(signatories.add)}>
          Ajouter un signataire
        </Button>
      </fieldset>

      <SaveBar>
        <Button type="submit" disabled={pending}>
          {pending ? "Enregistrement…" : afterCreate ? "Créer le contrat" : "Enregistrer"}
        </Button>
      </SaveBar>
    </form>
  );
}
