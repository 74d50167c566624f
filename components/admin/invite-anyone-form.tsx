"use client";

// The platform admin's invitation form: any role, with the scope that role requires.
import { useState } from "react";
import { FormMessages } from "@/components/forms/form-messages";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Combobox, isRemote, type OptionSource } from "@/components/ui/combobox";
import { SelectField, type SelectOption } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import type { ServerAction } from "@/lib/actions/server-action";
import type { MembershipRole } from "@/lib/db/generated/enums";
import { inviteSchema, SCOPE_FIELDS_OF_ROLE } from "@/lib/invitations/schema";

type Invited = { invitationId: string; email: string; link: string | null };

export function InviteAnyoneForm({
  action,
  roles,
  scopes,
}: {
  action: ServerAction<Invited>;
  roles: readonly SelectOption[];
  scopes: { regionId: readonly SelectOption[]; territoryId: OptionSource; organisationId: OptionSource };
}) {
  const [role, setRole] = useState<MembershipRole>("coordinator");
  const { formRef, onSubmit, pending, fieldErrors, error, success, result } = useActionForm(action, {
    schema: inviteSchema,
    resetOnSuccess: true,
  });
  const scopeFields = SCOPE_FIELDS_OF_ROLE[role];
  const scopeLabels = { regionId: "Région", territoryId: "Territoire", organisationId: "Organisation" } as const;
  const link = result?.ok ? result.data.link : null;
  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} onReset={() => setRole("coordinator")} className="space-y-4">
      <FormMessages fieldErrors={fieldErrors} error={error} success={success} />
      {link ? <TextField label="Lien d’invitation à transmettre" readOnly value={link} /> : null}
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <TextField label="Adresse e-mail" name="email" type="email" autoComplete="off" required error={fieldErrors.email} />
        <SelectField
          label="Rôle"
          name="role"
          options={roles}
          value={role}
          onChange={(event) => setRole(event.target.value as MembershipRole)}
          error={fieldErrors.role}
        />
        {scopeFields.map((scopeField) => (
          <ScopeField
            key={scopeField}
            label={scopeLabels[scopeField]}
            name={scopeField}
            options={scopes[scopeField]}
            error={fieldErrors[scopeField]}
          />
        ))}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Envoi…" : "Envoyer l’invitation"}
      </Button>
    </form>
  );
}

/** A short list is a select; thousands are a combobox that asks the server as the admin types. */
function ScopeField({ options, ...field }: { label: string; name: string; options: OptionSource; error?: string }) {
  return isRemote(options) ? (
    <Combobox {...field} options={options} />
  ) : (
    <SelectField {...field} options={options} placeholder="Choisir…" />
  );
}
