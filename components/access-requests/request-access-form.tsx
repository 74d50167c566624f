"use client";

import { FormMessages } from "@/components/forms/form-messages";
import { announce } from "@/components/forms/notices";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { SelectField, type SelectOption } from "@/components/ui/select-field";
import { requestAccessSchema } from "@/lib/access-requests/schema";
import type { ServerAction } from "@/lib/actions/server-action";

/** A ProConnect agent asks to become a partner of one territory, for the organisation ProConnect names. */
export function RequestAccessForm({
  action,
  territories,
}: {
  action: ServerAction<{ requestId: string }>;
  territories: readonly SelectOption[];
}) {
  const { formRef, onSubmit, pending, fieldErrors, error } = useActionForm(action, {
    schema: requestAccessSchema,
    resetOnSuccess: true,
    // Announced in the notice region: the refreshed page may no longer offer this form (no territory left).
    onAnswer: (result) => (result.ok && result.message ? announce({ message: result.message }) : undefined),
  });
  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-4" aria-label="Demander l’accès à un territoire">
      <FormMessages fieldErrors={fieldErrors} error={error} />
      <div className="max-w-xl">
        <SelectField
          label="Territoire"
          name="territoryId"
          options={territories}
          placeholder="Choisissez un territoire"
          defaultValue=""
          hint={"Ceux dont un contrat publié associe votre organisation\u00a0: signataire, partenaire, ou engagée sur une fiche action."}
          error={fieldErrors.territoryId}
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Envoi…" : "Envoyer la demande"}
      </Button>
    </form>
  );
}
