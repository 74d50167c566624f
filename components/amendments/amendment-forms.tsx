"use client";

// The forms of an amendment: preparing a draft (its purpose), editing it (purpose, deliberation),
// saying what it does to a fiche, and recording a signatory's signature. Each validates with the
// schema its action applies (lib/amendments/schema.ts).
import { useRouter } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { announce } from "@/components/forms/notices";
import { useActionForm } from "@/components/forms/use-action-form";
import { useUnsavedChanges } from "@/components/forms/use-unsaved-changes";
import { Button } from "@/components/ui/button";
import { RadioGroup } from "@/components/ui/radio-group";
import { SelectField } from "@/components/ui/select-field";
import { TextArea } from "@/components/ui/text-area";
import { TextField } from "@/components/ui/text-field";
import type { ServerAction } from "@/lib/actions/server-action";
import { AMENDMENT_FICHE_CHANGE_LABELS } from "@/lib/amendments/labels";
import { amendmentSignatureSchema, createAmendmentSchema, markAmendmentFicheSchema, updateAmendmentSchema } from "@/lib/amendments/schema";

/** A new draft's purpose; once created, its page opens. */
export function NewAmendmentForm({
  action,
  contractId,
  amendmentPath,
}: {
  action: ServerAction<{ amendmentId: string }>;
  contractId: string;
  /** The page of the amendment created, by its id. */
  amendmentPath: string;
}) {
  const router = useRouter();
  const form = useActionForm(action, {
    schema: createAmendmentSchema,
    // As soon as it answers: the refreshed contract page no longer offers this form once a draft exists.
    onAnswer: (result) => {
      if (!result.ok) return;
      const path = `${amendmentPath}/${result.data.amendmentId}`;
      announce({ message: result.message ?? "L’avenant est créé.", path });
      router.push(path);
    },
  });
  return (
    <ActionForm form={form} hidden={{ contractId }} className="max-w-3xl space-y-4" label="Préparer un avenant">
      <TextArea
        label="Objet de l’avenant"
        name="purpose"
        rows={3}
        required
        hint="Ce que l’avenant change, et pourquoi (par exemple l’annexe du plan d’action d’un contrat-cadre)."
        error={form.fieldErrors.purpose}
      />
      <Button type="submit" disabled={form.pending}>
        {form.pending ? "Création…" : "Préparer l’avenant"}
      </Button>
    </ActionForm>
  );
}

type Draft = { id: string; version: number; purpose: string; councilAdoptedOn: string; deliberationReference: string };

/** The draft's purpose and the deliberation that approves it. */
export function AmendmentForm({ action, amendment }: { action: ServerAction<null>; amendment: Draft }) {
  const form = useActionForm(action, { schema: updateAmendmentSchema, onSuccess: () => markSaved() });
  const { markSaved } = useUnsavedChanges(form.formRef);
  return (
    <ActionForm form={form} hidden={{ amendmentId: amendment.id, version: amendment.version }} className="max-w-3xl space-y-4">
      <TextArea
        label="Objet de l’avenant"
        name="purpose"
        rows={3}
        required
        defaultValue={amendment.purpose}
        error={form.fieldErrors.purpose}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Délibération du conseil"
          hint="Date à laquelle le conseil a approuvé l’avenant."
          name="councilAdoptedOn"
          type="date"
          defaultValue={amendment.councilAdoptedOn}
          error={form.fieldErrors.councilAdoptedOn}
        />
        <TextField
          label="Référence de la délibération"
          name="deliberationReference"
          defaultValue={amendment.deliberationReference}
          error={form.fieldErrors.deliberationReference}
        />
      </div>
      <Button type="submit" disabled={form.pending}>
        {form.pending ? "Enregistrement…" : "Enregistrer l’avenant"}
      </Button>
    </ActionForm>
  );
}

/** Says what the draft does to one of the contract's fiches. */
export function AmendmentFicheForm({
  action,
  amendment,
  fiches,
}: {
  action: ServerAction<null>;
  amendment: { id: string; version: number };
  fiches: ReadonlyArray<{ value: string; label: string }>;
}) {
  const form = useActionForm(action, { schema: markAmendmentFicheSchema, resetOnSuccess: true });
  return (
    <ActionForm
      form={form}
      hidden={{ amendmentId: amendment.id, version: amendment.version }}
      className="max-w-3xl space-y-4"
      label="Ajouter une fiche à l’avenant"
    >
      <SelectField
        label="Fiche action"
        name="ficheId"
        options={fiches}
        placeholder="Choisissez une fiche"
        error={form.fieldErrors.ficheId}
      />
      <RadioGroup
        label="Ce que l’avenant en fait"
        name="change"
        options={Object.entries(AMENDMENT_FICHE_CHANGE_LABELS).map(([value, label]) => ({ value, label }))}
        error={form.fieldErrors.change}
      />
      <Button type="submit" disabled={form.pending}>
        {form.pending ? "Enregistrement…" : "Ajouter à l’avenant"}
      </Button>
    </ActionForm>
  );
}

export type SignatureValues = {
  /** The signature's version; 0 when none is recorded yet. */
  version: number;
  signerName: string;
  signerTitle: string;
  signedOn: string;
  deliberationReference: string;
  deliberationDate: string;
};

/** One signatory's signature of the amendment, with the deliberation that empowered them, once the agency's opinion is favourable. */
export function AmendmentSignatureForm({
  action,
  amendmentId,
  organisation,
  values,
}: {
  action: ServerAction<null>;
  amendmentId: string;
  organisation: { id: string; name: string };
  values: SignatureValues;
}) {
  const form = useActionForm(action, { schema: amendmentSignatureSchema, onSuccess: () => markSaved() });
  const { markSaved } = useUnsavedChanges(form.formRef);
  const { fieldErrors } = form;
  return (
    <ActionForm
      form={form}
      hidden={{ amendmentId, organisationId: organisation.id, version: values.version }}
      className="max-w-3xl space-y-4"
      label={`Signature de ${organisation.name}`}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Date de signature"
          name="signedOn"
          type="date"
          required
          defaultValue={values.signedOn}
          error={fieldErrors.signedOn}
        />
        <TextField
          label="Nom de la personne signataire"
          name="signerName"
          defaultValue={values.signerName}
          error={fieldErrors.signerName}
        />
        <TextField
          label="Qualité"
          name="signerTitle"
          hint={"Par exemple «\u00a0Directeur général\u00a0»."}
          defaultValue={values.signerTitle}
          error={fieldErrors.signerTitle}
        />
        <TextField
          label="Référence de la délibération"
          name="deliberationReference"
          hint="La délibération qui autorise ce signataire à signer l’avenant."
          defaultValue={values.deliberationReference}
          error={fieldErrors.deliberationReference}
        />
        <TextField
          label="Date de la délibération"
          name="deliberationDate"
          type="date"
          defaultValue={values.deliberationDate}
          error={fieldErrors.deliberationDate}
        />
      </div>
      <Button type="submit" disabled={form.pending}>
        {form.pending ? "Enregistrement…" : "Enregistrer cette signature"}
      </Button>
    </ActionForm>
  );
}
