"use client";

// Choose one option among many by typing part of its name (ARIA combobox with a list box).
// The chosen value goes in a hidden input named `name`; accents and case are ignored.
import { useId, useMemo, useRef, useState } from "react";
import { Field, type FieldProps } from "./field";
import type { SelectOption } from "./select-field";

const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
const MAX_SHOWN = 50;

export function Combobox({
  name,
  options,
  defaultValue = "",
  placeholder = "Tapez pour chercher…",
  onChange,
  ...field
}: FieldProps & {
  name: string;
  options: readonly SelectOption[];
  defaultValue?: string;
  placeholder?: string;
  onChange?: (value: string) => void;
}) {
  const listId = useId();
  const [value, setValue] = useState(defaultValue);
  const labelOf = (id: string) => options.find((option) => option.value === id)?.label ?? "";
  const [query, setQuery] = useState(() => labelOf(defaultValue));
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const inputRef = useRef<HTMLInputElement>(null);

  const matches = useMemo(() => {
    const words = fold(query).split(/\s+/).filter(Boolean);
    const found =
      words.length && query !== labelOf(value)
        ? options.filter((option) => words.every((word) => fold(option.label).includes(word)))
        : options;
    return found.slice(0, MAX_SHOWN);
    // labelOf only reads options and value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query, options, value]);

  function choose(option: SelectOption | undefined) {
    const next = option?.value ?? "";
    setValue(next);
    setQuery(option?.label ?? "");
    setOpen(false);
    onChange?.(next);
    // Let the enclosing form know something changed (unsaved-changes guard).
    inputRef.current?.dispatchEvent(new Event("input", { bubbles: true }));
  }

  return (
    <Field {...field}>
      {(control) => (
        <div className="relative">
          <input type="hidden" name={name} value={value} />
          <input
            {...control}
            ref={inputRef}
            type="text"
            role="combobox"
            autoComplete="off"
            aria-autocomplete="list"
            aria-expanded={open}
            aria-controls={listId}
            aria-activedescendant={open && matches[active] ? `${listId}-${active}` : undefined}
            placeholder={placeholder}
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setOpen(true);
              setActive(0);
              if (!event.target.value) choose(undefined);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => {
              setOpen(false);
              // Typed text that names no option does not count: show the chosen one again.
              setQuery(labelOf(value));
            }}
            onKeyDown={(event) => {
              if (event.key === "ArrowDown") {
                event.preventDefault();
                setOpen(true);
                setActive((index) => Math.min(index + 1, matches.length - 1));
              } else if (event.key === "ArrowUp") {
                event.preventDefault();
                setActive((index) => Math.max(index - 1, 0));
              } else if (event.key === "Enter" && open) {
                event.preventDefault();
                choose(matches[active]);
              } else if (event.key === "Escape") {
                setOpen(false);
                setQuery(labelOf(value));
              }
            }}
          />
          <ul
            id={listId}
            role="listbox"
            aria-label={field.label}
            hidden={!open}
            className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded-md border border-slate-300 bg-white py-1 shadow-lg"
          >
            {matches.length ? (
              matches.map((option, index) => (
                <li
                  key={option.value}
                  id={`${listId}-${index}`}
                  role="option"
                  aria-selected={option.value === value}
                  className={`cursor-pointer px-3 py-2 ${index === active ? "bg-brand-50 text-brand-900" : "text-slate-900"}`}
                  // Chosen before the input's blur closes the list.
                  onMouseDown={(event) => {
                    event.preventDefault();
                    choose(option);
                  }}
                >
                  {option.label}
                </li>
              ))
            ) : (
              <li role="option" aria-selected={false} aria-disabled="true" className="px-3 py-2 text-slate-600">
                Aucun résultat.
              </li>
            )}
          </ul>
        </div>
      )}
    </Field>
  );
}
