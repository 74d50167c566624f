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

const SCHEMAS = { region: createRegionSchema, organisation: createOrganisationSchema };

export type AdminField =
  | { kind: "text"; name: string; label: string; hint?: string; required?: boolean; inputMode?: "numeric" }
  | { kind: "select"; name: string; label: string; options: readonly SelectOption[]; placeholder?: string; hint?: string };

export function AdminForm<Output>({
  action,
  schema,
  fields,
  title,
  submitLabel,
}: {
  action: ServerAction<Output>;
  schema: keyof typeof SCHEMAS;
  fields: readonly AdminField[];
  /** The form's heading, under the list of what exists. */
  title: string;
  submitLabel: string;
}) {
  const { formRef, onSubmit, pending, fieldErrors, error, success } = useActionForm(action, {
    schema: SCHEMAS[schema],
    resetOnSuccess: true,
  });
  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} aria-labelledby={`${schema}-form-title`} className="mt-8 space-y-4">
      <h3 id={`${schema}-form-title`} className="text-lg font-semibold text-slate-900">
        {title}
      </h3>
      <FormMessages fieldErrors={fieldErrors} error={error} success={success} />
      <div className="grid gap-4 sm:grid-cols-2">
        {fields.map((field) => {
          const common = { label: field.label, name: field.name, hint: field.hint, error: fieldErrors[field.name] };
          return field.kind === "text" ? (
            <TextField key={field.name} {...common} required={field.required} inputMode={field.inputMode} />
          ) : (
            <SelectField key={field.name} {...common} options={field.options} placeholder={field.placeholder} />
          );
        })}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Enregistrement…" : submitLabel}
      </Button>
    </form>
  );
}
