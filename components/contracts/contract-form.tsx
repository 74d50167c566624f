"use client";

// The contract form: its facts, calendar, diagnosis findings and signatories, saved as one unit.
import { Combobox, type OptionSource } from "@/components/ui/combobox";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { catalogueInputs, inputProps } from "@/components/forms/catalogue-field";
import { RowList } from "@/components/forms/row-list";
import { useRows } from "@/components/forms/use-rows";
import { useUnsavedChanges } from "@/components/forms/use-unsaved-changes";
import { announce } from "@/components/forms/notices";
import { Button } from "@/components/ui/button";
import { SaveBar } from "@/components/ui/save-bar";
import { TextField } from "@/components/ui/text-field";
import type { ServerAction } from "@/lib/actions/server-action";
import type { FormValuesOf } from "@/lib/catalogue";
import { CONTRACT_FIELDS, contractFieldsSchema, durationInMonths } from "@/lib/contracts/schema";
import { formatDuration } from "@/lib/format";

export type ContractFormValues = FormValuesOf<typeof CONTRACT_FIELDS> & {
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
  organisations: OptionSource;
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
  const form = useActionForm(action, {
    schema: contractFieldsSchema,
    onSuccess: (saved) => {
      markSaved();
      if (!afterCreate) return;
      const path = `${afterCreate}/${saved.data.contractId}`;
      announce({ message: saved.message ?? "Le contrat est créé.", path });
      router.push(path);
    },
  });
  const { fieldErrors } = form;
  const { markSaved, edit, discard } = useUnsavedChanges(form.formRef);
  const { field, fields } = catalogueInputs(CONTRACT_FIELDS, values, fieldErrors);
  const months = durationInMonths(parseDay(period.startsOn), parseDay(period.endsOn));

  return (
    <ActionForm form={form} hidden={hidden} className="space-y-8" onDiscard={discard}>
      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold text-slate-900">Le contrat</legend>
        {field("title")}
        <div className="grid gap-4 sm:grid-cols-3">{fields("generation", "status", "visibility")}</div>
        {field("summary")}
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold text-slate-900">Calendrier</legend>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          {fields("councilAdoptedOn", "signedOn")}
          {field("startsOn", { onValue: (startsOn) => setPeriod((p) => ({ ...p, startsOn })) })}
          {field("endsOn", { onValue: (endsOn) => setPeriod((p) => ({ ...p, endsOn })) })}
        </div>
        <p className="text-slate-700" aria-live="polite">
          Durée&#8239;: {months ? formatDuration(months) : "calculée à partir du début et de la fin"}
        </p>
      </fieldset>

      <fieldset className="space-y-4">
        <legend className="text-lg font-semibold text-slate-900">Diagnostic local de santé</legend>
        <div className="grid gap-4 sm:grid-cols-3">{fields("prsReference", "diagnosisSource", "diagnosisYear")}</div>
        {field("diagnosisSummary")}
        <RowList rows={findings} edit={edit} field={CONTRACT_FIELDS.findings} rowClassName="flex flex-col gap-2 sm:flex-row sm:items-end">
          {(row, index) => (
            <>
              <input type="hidden" name={`findings.${index}.id`} value={row.id} />
              <div className="grow">
                <TextField label={`Constat ${index + 1}`} {...inputProps(row, fieldErrors, `findings.${index}.`)("text")} />
              </div>
            </>
          )}
        </RowList>
      </fieldset>

      <fieldset id="sante-mentale" className="space-y-4">
        <legend className="text-lg font-semibold text-slate-900">Santé mentale</legend>
        {field("mentalHealthComponent")}
        <div className="grid gap-4 sm:grid-cols-2">{fields("clsmStatus", "clsmName")}</div>
      </fieldset>

      <fieldset id="signataires" className="space-y-4">
        <legend className="text-lg font-semibold text-slate-900">Signataires</legend>
        <RowList
          rows={signatories}
          edit={edit}
          field={CONTRACT_FIELDS.signatories}
          cards
          rowClassName="rounded-md border border-slate-200 p-4"
        >
          {(row, index) => {
            const input = inputProps(row, fieldErrors, `signatories.${index}.`);
            return (
              <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
                <Combobox label={`Signataire ${index + 1}`} options={organisations} {...input("organisationId")} />
                <TextField label="Date de signature" type="date" {...input("signedOn")} />
                <TextField label="Nom de la personne signataire" {...input("signerName")} />
                <TextField label="Qualité" hint={"Par exemple «\u00a0Directeur général\u00a0»."} {...input("signerTitle")} />
                <TextField label="Référence de la délibération" {...input("deliberationReference")} />
                <TextField label="Date de la délibération" type="date" {...input("deliberationDate")} />
              </div>
            );
          }}
        </RowList>
      </fieldset>

      <SaveBar>
        <Button type="submit" disabled={form.pending}>
          {form.pending ? "Enregistrement…" : afterCreate ? "Créer le contrat" : "Enregistrer"}
        </Button>
      </SaveBar>
    </ActionForm>
  );
}
