"use client";

// Choose one option among many by typing part of its name: the WAI-ARIA APG combobox with a
// list box and manual selection. Typing filters the list with nothing highlighted; ↓ highlights
// the first match (↑ the last), Enter picks the highlighted one, Escape closes. The chosen value
// goes in a hidden input named `name`; accents and case are ignored. With remote options, the
// list shows the options the form already names until something is typed, then what the server
// suggests for it (GET `suggestUrl?q=…`, a JSON array of options).
import { useEffect, useId, useMemo, useRef, useState } from "react";
import { Field, type FieldProps } from "./field";
import type { SelectOption } from "./select-field";

const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
const MAX_SHOWN = 50;
/** Typing pauses this long before the server is asked. */
const SUGGEST_DELAY_MS = 200;

/** Options found on the server as the user types: those the form already names, and where to ask for others. */
export type RemoteOptions = { known: readonly SelectOption[]; suggestUrl: string };
export type OptionSource = readonly SelectOption[] | RemoteOptions;

export const isRemote = (source: OptionSource): source is RemoteOptions => !Array.isArray(source);
const knownOptions = (source: OptionSource): readonly SelectOption[] => (isRemote(source) ? source.known : source);

/** The server's suggestions for what was typed (none until something is), the latest request winning. */
function useSuggestions(source: OptionSource, query: string, enabled: boolean) {
  const url = isRemote(source) ? source.suggestUrl : null;
  const [state, setState] = useState<{ query: string; options: readonly SelectOption[] } | null>(null);
  useEffect(() => {
    if (!url || !enabled || !query.trim()) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      const target = new URL(url, window.location.origin);
      target.searchParams.set("q", query.trim());
      fetch(target, { signal: controller.signal, headers: { accept: "application/json" } })
        .then((response) => (response.ok ? (response.json() as Promise<SelectOption[]>) : []))
        .then((options) => setState({ query, options }))
        .catch(() => {});
    }, SUGGEST_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [url, query, enabled]);
  if (!url || !enabled || !query.trim()) return { options: null, searching: false };
  return state?.query === query ? { options: state.options, searching: false } : { options: null, searching: true };
}

export function Combobox({
  name,
  options,
  defaultValue = "",
  placeholder = "Tapez pour chercher…",
  onChange,
  onChoose,
  ...field
}: FieldProps & {
  name: string;
  options: OptionSource;
  defaultValue?: string;
  placeholder?: string;
  onChange?: (value: string) => void;
  /** The whole option chosen (a server's suggestion may carry more than its value), or undefined when cleared. */
  onChoose?: (option: SelectOption | undefined) => void;
}) {
  const listId = useId();
  const [value, setValue] = useState(defaultValue);
  const known = knownOptions(options);
  // The chosen option's label: a suggestion chosen from the server is in no list the form holds.
  const [chosenLabel, setChosenLabel] = useState(() => known.find((option) => option.value === defaultValue)?.label ?? "");
  const labelOf = (id: string) => (id === value ? chosenLabel : (known.find((option) => option.value === id)?.label ?? ""));
  const [query, setQuery] = useState(chosenLabel);
  const [open, setOpen] = useState(false);
  /** The highlighted option, -1 for none. */
  const [active, setActive] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);

  const typed = query !== chosenLabel;
  const suggestions = useSuggestions(options, query, open && typed);
  const matches = useMemo(() => {
    if (suggestions.options) return suggestions.options.slice(0, MAX_SHOWN);
    const words = fold(query).split(/\s+/).filter(Boolean);
    const found = words.length && typed ? known.filter((option) => words.every((word) => fold(option.label).includes(word))) : known;
    return found.slice(0, MAX_SHOWN);
  }, [query, known, typed, suggestions.options]);

  // The highlighted option stays in sight in a long list.
  useEffect(() => {
    if (open && active >= 0) document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: "nearest" });
  }, [open, active, listId]);

  function choose(option: SelectOption | undefined) {
    const next = option?.value ?? "";
    setValue(next);
    setChosenLabel(option?.label ?? "");
    setQuery(option?.label ?? "");
    setOpen(false);
    setActive(-1);
    onChange?.(next);
    onChoose?.(option);
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
            // Out of the tab order: options are reached with the arrow keys. Chromium makes a
            // scrolling list focusable, so Tab would land on it just as the input's blur hides
            // it, and focus would fall back to the page.
            tabIndex={-1}
            className="absolute z-20 mt-1 max-h-64 w-full overflow-auto rounded-md border border-slate-300 bg-white py-1 shadow-lg"
          >
            {/* Options exist only while the list is open: a form with many pickers would
                otherwise carry every known organisation once per picker. */}
            {!open ? null : suggestions.searching ? (
              <li role="option" aria-selected={false} aria-disabled="true" className="px-3 py-2 text-slate-600">
                Recherche…
              </li>
            ) : matches.length ? (
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
                {isRemote(options) && !typed ? "Tapez une partie du nom." : "Aucun résultat."}
              </li>
            )}
          </ul>
        </div>
      )}
    </Field>
  );
}
