"use client";

import { FormMessages } from "@/components/forms/form-messages";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { SelectField, type SelectOption } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import type { ServerAction } from "@/lib/actions/server-action";
import { inviteSchema } from "@/lib/invitations/schema";

type Invited = { invitationId: string; email: string; link: string | null };

/** Invites an e-mail address to a territory role. */
export function InviteMemberForm({
  action,
  territoryId,
  roles,
}: {
  action: ServerAction<Invited>;
  territoryId: string;
  roles: readonly SelectOption[];
}) {
  const { formRef, onSubmit, pending, fieldErrors, error, success, result } = useActionForm(action, {
    schema: inviteSchema,
    resetOnSuccess: true,
  });
  const link = result?.ok ? result.data.link : null;
  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-4">
      <FormMessages fieldErrors={fieldErrors} error={error} success={success} />
      {link ? (
        <TextField label="Lien d’invitation à transmettre" readOnly value={link} onFocus={(event) => event.currentTarget.select()} />
      ) : null}
      <input type="hidden" name="territoryId" value={territoryId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Adresse e-mail" name="email" type="email" autoComplete="off" required error={fieldErrors.email} />
        <SelectField label="Rôle" name="role" options={roles} defaultValue="contributor" error={fieldErrors.role} />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Envoi…" : "Envoyer l’invitation"}
      </Button>
    </form>
  );
}
