"use client";

// The creation forms of the administration pages: fields described as data, validated by the
// same zod schema as the server action.
import { FormMessages } from "@/components/forms/form-messages";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { SelectField, type SelectOption } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import type { ServerAction } from "@/lib/actions/server-action";
import { createOrganisationSchema } from "@/lib/organisations/schema";
import { createRegionSchema } from "@/lib/regions/schema";
import { createTerritorySchema } from "@/lib/territories/schema";

const SCHEMAS = { region: createRegionSchema, territory: createTerritorySchema, organisation: createOrganisationSchema };

export type AdminField =
  | { kind: "text"; name: string; label: string; hint?: string; required?: boolean; inputMode?: "numeric" }
  | { kind: "select"; name: string; label: string; options: readonly SelectOption[]; placeholder?: string; hint?: string };

export function AdminForm<Output>({
  action,
  schema,
  fields,
  submitLabel,
}: {
  action: ServerAction<Output>;
  schema: keyof typeof SCHEMAS;
  fields: readonly AdminField[];
  submitLabel: string;
}) {
  const { formRef, onSubmit, pending, fieldErrors, error, success } = useActionForm(action, {
    schema: SCHEMAS[schema],
    resetOnSuccess: true,
  });
  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-4">
      <FormMessages fieldErrors={fieldErrors} error={error} success={success} />
      <div className="grid gap-4 sm:grid-cols-2">
        {fields.map((field) =>
          field.kind === "text" ? (
            <TextField
              key={field.name}
              label={field.label}
              name={field.name}
              hint={field.hint}
              required={field.required}
              inputMode={field.inputMode}
              error={fieldErrors[field.name]}
            />
          ) : (
            <SelectField
              key={field.name}
              label={field.label}
              name={field.name}
              options={field.options}
              placeholder={field.placeholder}
              hint={field.hint}
              error={fieldErrors[field.name]}
            />
          ),
        )}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Enregistrement…" : submitLabel}
      </Button>
    </form>
  );
}
