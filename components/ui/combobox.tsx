"use client";

// Choose one option among many by typing part of its name: the WAI-ARIA APG combobox with a
// list box and manual selection. Typing filters the list with nothing highlighted; ↓ highlights
// the first match (↑ the last), Enter picks the highlighted one, Escape closes. The chosen value
// goes in a hidden input named `name`; accents and case are ignored.
import { useEffect, useId, useMemo, useRef, useState } from "react";
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
  /** The highlighted option, -1 for none. */
  const [active, setActive] = useState(-1);
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

  // The highlighted option stays in sight in a long list.
  useEffect(() => {
    if (open && active >= 0) document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: "nearest" });
  }, [open, active, listId]);

  function choose(option: SelectOption | undefined) {
    const next = option?.value ?? "";
    setValue(next);
    setQuery(option?.label ?? "");
    setOpen(false);
    setActive(-1);
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
            // The error summary finds the field by its name here: the named input is hidden.
            data-field={name}
            type="text"
            role="combobox"
            autoComplete="off"
            aria-autocomplete="list"
            aria-expanded={open}
            aria-controls={listId}
            aria-activedescendant={open && active >= 0 && matches[active] ? `${listId}-${active}` : undefined}
            placeholder={placeholder}
            value={query}
            onChange={(event) => {
              setQuery(event.target.value);
              setOpen(true);
              setActive(-1);
              if (!event.target.value) choose(undefined);
            }}
            onFocus={() => setOpen(true)}
            onBlur={() => {
              setOpen(false);
              setActive(-1);
              // Typed text that names no option does not count: show the chosen one again.
              setQuery(labelOf(value));
            }}
            onKeyDown={(event) => {
              if (event.key === "ArrowDown") {
                event.preventDefault();
                setOpen(true);
                // Alt+↓ only opens the list.
                if (!event.altKey) setActive((index) => Math.min(index + 1, matches.length - 1));
              } else if (event.key === "ArrowUp") {
                event.preventDefault();
                setOpen(true);
                setActive((index) => (index < 0 ? matches.length - 1 : Math.max(index - 1, 0)));
              } else if (event.key === "Enter" && open) {
                // Enter in an open list never submits the form: it picks the highlighted option, if any.
                event.preventDefault();
                if (active >= 0 && matches[active]) choose(matches[active]);
                else setOpen(false);
              } else if (event.key === "Escape") {
                setOpen(false);
                setActive(-1);
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
                  aria-selected={index === active}
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
