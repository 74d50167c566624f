// A form input described by its field's catalogue entry (lib/catalogue): label, control, hint,
// choices. Sections name the fields they show; the label, hint and error stay wired to the
// control by components/ui/field.tsx.
import { Combobox, isRemote, type OptionSource } from "@/components/ui/combobox";
import { RadioGroup } from "@/components/ui/radio-group";
import { SelectField, type SelectOption } from "@/components/ui/select-field";
import { TextArea } from "@/components/ui/text-area";
import { TextField } from "@/components/ui/text-field";
import type { FieldErrors } from "@/lib/actions/result";
import type { FieldInput, FormValuesOf } from "@/lib/catalogue";

type InputEntry = { label: string; input?: FieldInput };

/** What the form decides when it renders the field: a row's numbered label, a hint that depends on the value, choices from the page. */
export type FieldOverrides = {
  label?: string;
  hint?: string;
  /** Choices from the page; remote ones (found on the server as the user types) make a select a combobox. */
  options?: OptionSource;
  /** Called with the new value as the user changes it. */
  onValue?: (value: string) => void;
};

export const optionsOf = (labels: Readonly<Record<string, string>>): SelectOption[] =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

const TEXT_ATTRIBUTES = {
  text: {},
  integer: { inputMode: "numeric" },
  decimal: { inputMode: "decimal" },
  email: { type: "email" },
  date: { type: "date" },
} as const;

export function CatalogueField({
  field,
  name,
  value,
  error,
  onValue,
  ...overrides
}: FieldOverrides & { field: InputEntry; name: string; value: string; error?: string }) {
  const input = field.input ?? { kind: "text" };
  const props = {
    label: overrides.label ?? input.label ?? field.label,
    name,
    defaultValue: value,
    hint: "hint" in overrides ? overrides.hint : input.hint,
    error,
  };
  switch (input.kind) {
    case "textarea":
      return (
        <TextArea {...props} {...(input.rows ? { rows: input.rows } : {})} onChange={onValue && ((event) => onValue(event.target.value))} />
      );
    case "select":
      if (overrides.options && isRemote(overrides.options)) return <Combobox {...props} options={overrides.options} onChange={onValue} />;
      return (
        <SelectField
          {...props}
          options={overrides.options ?? optionsOf(input.options ?? {})}
          placeholder={input.placeholder}
          onChange={onValue && ((event) => onValue(event.target.value))}
        />
      );
    case "combobox":
      return <Combobox {...props} options={overrides.options ?? optionsOf(input.options ?? {})} onChange={onValue} />;
    case "radio":
      return (
        <RadioGroup
          {...props}
          options={overrides.options && !isRemote(overrides.options) ? overrides.options : optionsOf(input.options ?? {})}
          placeholder={input.placeholder}
          onValue={onValue}
        />
      );
    default:
      return (
        <TextField
          {...props}
          {...TEXT_ATTRIBUTES[input.kind]}
          required={input.required}
          onChange={onValue && ((event) => onValue(event.target.value))}
        />
      );
  }
}

/**
 * The name, value and error of an input: `prefix` names the inputs of one row of a list
 * ("milestones.2."), whose errors the server reports under the same path.
 */
export function inputProps<Values extends Readonly<Record<string, unknown>>>(values: Values, errors: FieldErrors, prefix = "") {
  return <Name extends keyof Values & string>(name: Name) => ({
    name: prefix + name,
    defaultValue: values[name],
    error: errors[prefix + name],
  });
}

/** A form's inputs for a catalogue's fields, by name, with the submitted values and errors (see inputProps for `prefix`). */
export function catalogueInputs<C extends Readonly<Record<string, InputEntry>>>(
  catalogue: C,
  values: FormValuesOf<C>,
  errors: FieldErrors,
  prefix = "",
) {
  const bind = inputProps<FormValuesOf<C>>(values, errors, prefix);
  const field = (name: keyof FormValuesOf<C> & string, overrides: FieldOverrides = {}) => {
    const { name: inputName, defaultValue, error } = bind(name);
    return <CatalogueField key={name} field={catalogue[name]} name={inputName} value={defaultValue} error={error} {...overrides} />;
  };
  return { field, fields: (...names: Array<keyof FormValuesOf<C> & string>) => names.map((name) => field(name)) };
}
