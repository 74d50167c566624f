"use client";

// Creates an organisation missing from the lists of the fiche editor; it can be picked at once.
import { FormMessages } from "@/components/forms/form-messages";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Disclosure } from "@/components/ui/disclosure";
import { SelectField } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import type { ServerAction } from "@/lib/actions/server-action";
import { ORGANISATION_KIND_LABELS } from "@/lib/organisations/labels";
import { createOrganisationSchema } from "@/lib/organisations/schema";

const KIND_OPTIONS = Object.entries(ORGANISATION_KIND_LABELS).map(([value, label]) => ({ value, label }));

export function NewOrganisationForm({ action, contractId }: { action: ServerAction<{ organisationId: string }>; contractId: string }) {
  const { formRef, onSubmit, pending, fieldErrors, error, success } = useActionForm(action, {
    schema: createOrganisationSchema,
    resetOnSuccess: true,
  });
  return (
    <Disclosure className="rounded-lg border border-slate-200 bg-white p-4" summary={"Une organisation manque à la liste\u202f? La créer"}>
      <form ref={formRef} noValidate onSubmit={onSubmit} className="mt-4 space-y-4">
        <input type="hidden" name="contractId" value={contractId} />
        <FormMessages fieldErrors={fieldErrors} error={error} success={success} />
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField label="Nom de l’organisation" name="name" required error={fieldErrors.name} />
          <SelectField label="Type d’organisation" name="kind" options={KIND_OPTIONS} placeholder="Choisir…" error={fieldErrors.kind} />
          <TextField
            label="SIREN"
            name="siren"
            inputMode="numeric"
            hint={"Facultatif\u00a0; vérifié s’il est saisi."}
            error={fieldErrors.siren}
          />
        </div>
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Création…" : "Créer l’organisation"}
        </Button>
      </form>
    </Disclosure>
  );
}
