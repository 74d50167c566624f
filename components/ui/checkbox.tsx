/** A labelled checkbox, one of a group sharing its name (themes, findings…). */
export function Checkbox({ name, value, label, defaultChecked }: { name: string; value: string; label: string; defaultChecked: boolean }) {
  const id = `${name}-${value}`.replace(/[^A-Za-z0-9_-]/g, "-");
  return (
    <div className="flex items-start gap-2">
      <input
        id={id}
        type="checkbox"
        name={name}
        value={value}
        defaultChecked={defaultChecked}
        className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
