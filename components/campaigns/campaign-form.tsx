"use client";

// Opens an evaluation campaign (which evaluation, the period evaluated, its dates), or edits an
// open one's dates, synthesis and recommendations.
import { ActionForm } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { useUnsavedChanges } from "@/components/forms/use-unsaved-changes";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/select-field";
import { TextArea } from "@/components/ui/text-area";
import { TextField } from "@/components/ui/text-field";
import type { ServerAction } from "@/lib/actions/server-action";
import { CAMPAIGN_KIND_LABELS } from "@/lib/campaigns/labels";
import { openCampaignSchema, updateCampaignSchema } from "@/lib/campaigns/schema";
import type { EvaluationKind } from "@/lib/db/generated/enums";

/** An open campaign's values as the form shows them (dates as yyyy-mm-dd). */
export type CampaignFormValues = {
  id: string;
  version: number;
  periodStart: string;
  periodEnd: string;
  opensOn: string;
  closesOn: string;
  synthesis: string;
  recommendations: string;
};

export function CampaignForm({
  action,
  contractId,
  kinds,
  campaign,
}: {
  action: ServerAction<null>;
  /** Opening: the contract and the evaluations that may still open. */
  contractId?: string;
  kinds?: readonly EvaluationKind[];
  campaign?: CampaignFormValues;
}) {
  const form = useActionForm(action, {
    schema: campaign ? updateCampaignSchema : openCampaignSchema,
    resetOnSuccess: !campaign,
    onSuccess: () => markSaved(),
  });
  const { markSaved } = useUnsavedChanges(form.formRef);
  return (
    <ActionForm
      form={form}
      hidden={campaign ? { campaignId: campaign.id, version: campaign.version } : { contractId }}
      className="space-y-4"
      label={campaign ? "Modifier la campagne" : "Ouvrir une campagne d’évaluation"}
    >
      {campaign ? null : (
        <SelectField
          label="Évaluation"
          name="kind"
          required
          defaultValue={kinds?.[0]}
          options={(kinds ?? []).map((kind) => ({ value: kind, label: CAMPAIGN_KIND_LABELS[kind] }))}
          error={form.fieldErrors.kind}
        />
      )}
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="mb-2 font-medium text-slate-900">Période évaluée</legend>
        <TextField
          label="Début de la période"
          name="periodStart"
          type="date"
          required
          defaultValue={campaign?.periodStart}
          error={form.fieldErrors.periodStart}
        />
        <TextField
          label="Fin de la période"
          name="periodEnd"
          type="date"
          required
          defaultValue={campaign?.periodEnd}
          error={form.fieldErrors.periodEnd}
        />
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Ouverture"
          name="opensOn"
          type="date"
          required
          defaultValue={campaign?.opensOn}
          error={form.fieldErrors.opensOn}
        />
        <TextField
          label="Clôture prévue"
          name="closesOn"
          type="date"
          defaultValue={campaign?.closesOn}
          error={form.fieldErrors.closesOn}
          hint="Facultatif."
        />
      </div>
      {campaign ? (
        <>
          <TextArea
            label="Synthèse"
            name="synthesis"
            rows={4}
            hint="Elle paraît sur la page publique du contrat une fois la campagne close."
            defaultValue={campaign.synthesis}
            error={form.fieldErrors.synthesis}
          />
          <TextArea
            label="Recommandations"
            name="recommendations"
            rows={4}
            defaultValue={campaign.recommendations}
            error={form.fieldErrors.recommendations}
          />
        </>
      ) : null}
      <Button type="submit" disabled={form.pending}>
        {form.pending ? "Enregistrement…" : campaign ? "Enregistrer la campagne" : "Ouvrir la campagne"}
      </Button>
    </ActionForm>
  );
}
