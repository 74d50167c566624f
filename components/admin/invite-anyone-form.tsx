"use client";

// The platform admin's invitation form: any role, with the scope that role requires; for an ARS
// officer, optionally some départements of the region (a délégation départementale).
import { useState } from "react";
import { FormMessages } from "@/components/forms/form-messages";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
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
  departments,
}: {
  action: ServerAction<Invited>;
  roles: readonly SelectOption[];
  scopes: { regionId: readonly SelectOption[]; territoryId: OptionSource; organisationId: OptionSource };
  /** The départements of each region, by region id. */
  departments: Readonly<Record<string, readonly SelectOption[]>>;
}) {
  const [role, setRole] = useState<MembershipRole>("coordinator");
  const [regionId, setRegionId] = useState("");
  const { formRef, onSubmit, pending, fieldErrors, error, success, result } = useActionForm(action, {
    schema: inviteSchema,
    resetOnSuccess: true,
  });
  const scopeFields = SCOPE_FIELDS_OF_ROLE[role];
  const scopeLabels = { regionId: "Région", territoryId: "Territoire", organisationId: "Organisation" } as const;
  const link = result?.ok ? result.data.link : null;
  return (
    <form
      ref={formRef}
      noValidate
      onSubmit={onSubmit}
      onReset={() => {
        setRole("coordinator");
        setRegionId("");
      }}
      className="space-y-4"
    >
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
            onRegionChange={scopeField === "regionId" ? setRegionId : undefined}
          />
        ))}
      </div>
      {role === "ars_officer" && departments[regionId]?.length ? (
        <fieldset aria-describedby="delegation-hint" className="space-y-2">
          <legend className="font-semibold text-slate-900">Délégation départementale (facultatif)</legend>
          <p id="delegation-hint" className="text-sm text-slate-600">
            Cochez les départements que suivra cette personne ; sans case cochée, elle suit toute la région.
          </p>
          {fieldErrors.departmentCodes ? (
            <p className="text-sm font-medium text-red-800" id="departmentCodes-erreur">
              {fieldErrors.departmentCodes}
            </p>
          ) : null}
          <div className="grid gap-2 sm:grid-cols-2 lg:grid-cols-3">
            {departments[regionId].map((department) => (
              <Checkbox
                key={department.value}
                name="departmentCodes"
                value={department.value}
                label={department.label}
                defaultChecked={false}
              />
            ))}
          </div>
        </fieldset>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Envoi…" : "Envoyer l’invitation"}
      </Button>
    </form>
  );
}

/** A short list is a select; thousands are a combobox that asks the server as the admin types. */
function ScopeField({
  options,
  onRegionChange,
  ...field
}: {
  label: string;
  name: string;
  options: OptionSource;
  error?: string;
  onRegionChange?: (regionId: string) => void;
}) {
  return isRemote(options) ? (
    <Combobox {...field} options={options} />
  ) : (
    <SelectField {...field} options={options} placeholder="Choisir…" onChange={(event) => onRegionChange?.(event.target.value)} />
  );
}
