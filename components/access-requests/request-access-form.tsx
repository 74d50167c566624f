"use client";

import { FormMessages } from "@/components/forms/form-messages";
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
  const { formRef, onSubmit, pending, fieldErrors, error, success } = useActionForm(action, {
    schema: requestAccessSchema,
    resetOnSuccess: true,
  });
  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-4" aria-label="Demander l’accès à un territoire">
      <FormMessages fieldErrors={fieldErrors} error={error} success={success} />
      <div className="max-w-xl">
        <SelectField
          label="Territoire"
          name="territoryId"
          options={territories}
          placeholder="Choisissez un territoire"
          defaultValue=""
          hint="Les territoires dont un contrat publié compte votre organisation parmi ses signataires ou ses partenaires."
          error={fieldErrors.territoryId}
        />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Envoi…" : "Envoyer la demande"}
      </Button>
    </form>
  );
}
