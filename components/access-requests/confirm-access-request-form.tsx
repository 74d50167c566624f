"use client";

import { FormMessages } from "@/components/forms/form-messages";
import { announce } from "@/components/forms/notices";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Combobox, type RemoteOptions } from "@/components/ui/combobox";
import { confirmAccessRequestSchema } from "@/lib/access-requests/schema";
import type { ServerAction } from "@/lib/actions/server-action";

/** Confirms an access request for the proposed organisation, or another one the coordinator picks. */
export function ConfirmAccessRequestForm({
  action,
  request,
  person,
  applicant,
  organisations,
}: {
  action: ServerAction<null>;
  request: { id: string; version: number; proposedOrganisation: { id: string } };
  /** Who asked, as the form's accessible name says it; `applicant` is the shorter name its field shows. */
  person: string;
  applicant: string;
  /** The proposed organisation, and where the picker asks for others. */
  organisations: RemoteOptions;
}) {
  const { onSubmit, pending, fieldErrors, error } = useActionForm(action, {
    schema: confirmAccessRequestSchema,
    // Announced before the refreshed page takes the request, and this form, away.
    onAnswer: (result) => (result.ok && result.message ? announce({ message: result.message }) : undefined),
  });
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-3" aria-label={`Confirmer la demande de ${person}`}>
      <FormMessages fieldErrors={fieldErrors} error={error} />
      <input type="hidden" name="requestId" value={request.id} />
      <input type="hidden" name="version" value={request.version} />
      <div className="flex flex-col items-start gap-3 sm:flex-row sm:items-end">
        <div className="w-full sm:w-80">
          <Combobox
            label={`Organisation de ${applicant}`}
            name="organisationId"
            options={organisations}
            defaultValue={request.proposedOrganisation.id}
            error={fieldErrors.organisationId}
          />
        </div>
        <Button type="submit" disabled={pending} aria-label={`Confirmer la demande de ${person}`}>
          {pending ? "Confirmation…" : "Confirmer"}
        </Button>
      </div>
    </form>
  );
}
