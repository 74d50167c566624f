"use client";

// After a failed submission: the message and, for each field in error, a link that focuses it
// (RGAA 11.10, 11.11). The summary takes the focus when it appears, so that a keyboard or
// screen-reader user starts from the list of what to correct.
import { useLayoutEffect, useRef, useState, type MouseEvent } from "react";
import { formatCount } from "@/lib/format";

type Item = { name: string; message: string; label: string; control: HTMLElement | null };

const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, " ").trim() ?? "";

/** The control a field's errors belong to: its input, or the visible input of a combobox. */
function controlOf(form: HTMLFormElement, name: string): HTMLElement | null {
  const escaped = CSS.escape(name);
  return form.querySelector<HTMLElement>(`[name="${escaped}"]:not([type=hidden]), [data-field="${escaped}"]`);
}

function labelOf(control: HTMLElement | null): string {
  if (!control) return "";
  const own = control instanceof HTMLInputElement || control instanceof HTMLSelectElement || control instanceof HTMLTextAreaElement;
  // A checkbox or radio button of a group is named by the group's legend, not by its own label.
  const grouped = control instanceof HTMLInputElement && (control.type === "checkbox" || control.type === "radio");
  const label = own && !grouped ? text(control.labels?.[0]) : text(control.closest("fieldset")?.querySelector("legend"));
  // "Rôle" or "Avancement (%)" are repeated in each row: the row's first field names it.
  const row = control.closest("[data-row]");
  const first = row?.querySelector<HTMLInputElement>("input:not([type=hidden]), select, textarea");
  const rowLabel = first && first !== control ? text(first.labels?.[0]) : "";
  return rowLabel && rowLabel !== label ? `${rowLabel} – ${label}` : label;
}

export function ErrorSummary({ message, errors }: { message: string; errors: Record<string, string> }) {
  const ref = useRef<HTMLDivElement>(null);
  const [items, setItems] = useState<Item[]>([]);

  // Labels and order come from the rendered form, once it shows the new errors.
  useLayoutEffect(() => {
    const form = ref.current?.closest("form");
    if (!form) return;
    const found = Object.entries(errors).map(([name, error]) => {
      const control = controlOf(form, name);
      return { name, message: error, label: labelOf(control), control };
    });
    found.sort((a, b) =>
      a.control && b.control ? (a.control.compareDocumentPosition(b.control) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1) : 0,
    );
    setItems(found);
    ref.current?.focus();
  }, [errors]);

  function focusField(event: MouseEvent<HTMLAnchorElement>, control: HTMLElement | null) {
    if (!control) return;
    event.preventDefault();
    control.focus();
  }

  const count = Object.keys(errors).length;
  return (
    <div ref={ref} tabIndex={-1} role="alert" className="scroll-mt-4 rounded-md border-l-4 border-red-700 bg-red-50 px-4 py-3 text-red-900">
      <p className="font-semibold">{message}</p>
      {count ? (
        <>
          <p className="mt-1 text-sm">{formatCount(count, "champ à corriger", "champs à corriger")}&#8239;:</p>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {items.map((item) => (
              <li key={item.name}>
                {item.control ? (
                  <a href={`#${item.control.id}`} onClick={(event) => focusField(event, item.control)} className="text-red-900">
                    {item.label ? `${item.label}\u202f: ` : ""}
                    {item.message}
                  </a>
                ) : (
                  item.message
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
