"use client";

import { useActionForm } from "@/components/forms/use-action-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { SelectOption } from "@/components/ui/select-field";
import type { ServerAction } from "@/lib/actions/server-action";
import { changeMemberRoleSchema } from "@/lib/memberships/schema";

/** Changes one member's territory role; the version makes a concurrent change a conflict. */
export function MemberRoleForm({
  action,
  membership,
  person,
  roles,
}: {
  action: ServerAction<null>;
  membership: { id: string; role: string; version: number };
  person: string;
  roles: readonly SelectOption[];
}) {
  const { onSubmit, pending, fieldErrors, error } = useActionForm(action, { schema: changeMemberRoleSchema });
  const selectId = `role-${membership.id}`;
  const message = fieldErrors.role ?? error;
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-2">
      <input type="hidden" name="membershipId" value={membership.id} />
      <input type="hidden" name="version" value={membership.version} />
      {message ? <Alert>{message}</Alert> : null}
      <div className="flex flex-wrap items-center gap-2">
        <label htmlFor={selectId} className="sr-only">
          Rôle de {person}
        </label>
        <select
          id={selectId}
          name="role"
          defaultValue={membership.role}
          className="rounded-md border border-slate-400 bg-white px-2 py-2 text-slate-900 focus:border-brand-600 focus:outline-none focus:ring-2 focus:ring-brand-600"
        >
          {roles.map((role) => (
            <option key={role.value} value={role.value}>
              {role.label}
            </option>
          ))}
        </select>
        <Button type="submit" variant="secondary" disabled={pending} aria-label={`Changer le rôle de ${person}`}>
          {pending ? "…" : "Changer"}
        </Button>
      </div>
    </form>
  );
}
