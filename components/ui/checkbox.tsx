/** A labelled checkbox: one of a group sharing its name (themes, findings…), or alone with value "on", with a hint below. */
export function Checkbox({
  name,
  value,
  label,
  hint,
  defaultChecked,
  id: givenId,
}: {
  name: string;
  value: string;
  label: string;
  hint?: string;
  defaultChecked: boolean;
  /** Where the page holds several forms with this box (one per record). */
  id?: string;
}) {
  const id = givenId ?? `${name}-${value}`.replace(/[^A-Za-z0-9_-]/g, "-");
  return (
    <div className="flex items-start gap-2">
      <input
        id={id}
        type="checkbox"
        name={name}
        value={value}
        defaultChecked={defaultChecked}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
      />
      <div>
        <label htmlFor={id}>{label}</label>
        {hint ? (
          <p id={`${id}-hint`} className="text-sm text-slate-600">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/** Several choices under their legend (a fieldset, so each box is announced with the question), sent under one name. */
export function CheckboxGroup({
  legend,
  name,
  options,
  checked,
  columns = false,
}: {
  legend: string;
  name: string;
  options: ReadonlyArray<{ value: string; label: string }>;
  checked: readonly string[];
  /** Two columns from the small breakpoint on, for many short labels (themes). */
  columns?: boolean;
}) {
  return (
    <fieldset className="min-w-0">
      <legend className="font-medium text-slate-900">{legend}</legend>
      <div className={columns ? "mt-2 grid gap-2 sm:grid-cols-2" : "mt-2 space-y-2"}>
        {options.map((option) => (
          <Checkbox
            key={option.value}
            name={name}
            value={option.value}
            label={option.label}
            defaultChecked={checked.includes(option.value)}
          />
        ))}
      </div>
    </fieldset>
  );
}
