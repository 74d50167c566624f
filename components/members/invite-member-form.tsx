"use client";

import { useState } from "react";
import { FormMessages } from "@/components/forms/form-messages";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Combobox, type RemoteOptions } from "@/components/ui/combobox";
import { SelectField, type SelectOption } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import type { ServerAction } from "@/lib/actions/server-action";
import type { MembershipRole } from "@/lib/db/generated/enums";
import { inviteSchema, SCOPE_FIELDS_OF_ROLE } from "@/lib/invitations/schema";

type Invited = { invitationId: string; email: string; link: string | null };

const DEFAULT_ROLE: MembershipRole = "contributor";

/** Invites an e-mail address to a territory role; a partner also for one organisation. */
export function InviteMemberForm({
  action,
  territoryId,
  roles,
  organisations,
}: {
  action: ServerAction<Invited>;
  territoryId: string;
  roles: readonly SelectOption[];
  /** Where the organisation picker asks for suggestions, for a partner's invitation. */
  organisations: RemoteOptions;
}) {
  const [role, setRole] = useState<MembershipRole>(DEFAULT_ROLE);
  const { formRef, onSubmit, pending, fieldErrors, error, success, result } = useActionForm(action, {
    schema: inviteSchema,
    resetOnSuccess: true,
  });
  const link = result?.ok ? result.data.link : null;
  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} onReset={() => setRole(DEFAULT_ROLE)} className="space-y-4">
      <FormMessages fieldErrors={fieldErrors} error={error} success={success} />
      {link ? (
        <TextField label="Lien d’invitation à transmettre" readOnly value={link} onFocus={(event) => event.currentTarget.select()} />
      ) : null}
      <input type="hidden" name="territoryId" value={territoryId} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <TextField label="Adresse e-mail" name="email" type="email" autoComplete="off" required error={fieldErrors.email} />
        <SelectField
          label="Rôle"
          name="role"
          options={roles}
          value={role}
          onChange={(event) => setRole(event.target.value as MembershipRole)}
          error={fieldErrors.role}
        />
        {SCOPE_FIELDS_OF_ROLE[role].includes("organisationId") ? (
          <Combobox
            label="Organisation"
            name="organisationId"
            options={organisations}
            hint="Ses droits portent sur les engagements de cette organisation dans ce territoire."
            error={fieldErrors.organisationId}
          />
        ) : null}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Envoi…" : "Envoyer l’invitation"}
      </Button>
    </form>
  );
}
