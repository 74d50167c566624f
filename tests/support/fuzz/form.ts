// From a fuzz case to the FormData a browser would post: the valid input flattened into the form's
// own field names, the edits applied, the values resolved against the test's world.
import type { Edit, IdRef, Value } from "./arbitraries";
import { IMPORT_HEADER } from "./arbitraries";
import type { Field } from "./catalogue";

export type Entry = [name: string, value: string | File];

/** An input object as its form posts it: nested rows as "rows.0.key", lists as repeated names. */
export function flatten(input: Record<string, unknown>, prefix = ""): Entry[] {
  return Object.entries(input).flatMap(([key, value]): Entry[] => {
    const name = prefix + key;
    if (value === undefined || value === null) return [];
    if (value instanceof File) return [[name, value]];
    if (Array.isArray(value)) {
      return value.flatMap((item, index): Entry[] =>
        typeof item === "object" && item !== null && !(item instanceof File)
          ? flatten(item as Record<string, unknown>, `${name}.${index}.`)
          : item instanceof File
            ? [[name, item]]
            : [[name, String(item)]],
      );
    }
    if (typeof value === "object") return flatten(value as Record<string, unknown>, `${name}.`);
    return [[name, String(value)]];
  });
}

export type Resolver = { id(ref: IdRef, field: string): Promise<string> };

async function resolve(value: Value, field: string, resolver: Resolver): Promise<string | File> {
  if ("text" in value) return value.text;
  if ("repeat" in value) return value.repeat.repeat(value.times);
  if ("base64" in value) return value.base64;
  if ("id" in value) return resolver.id(value.id, field);
  if ("csv" in value) {
    const cells = await Promise.all(value.csv.map((cell) => resolve(cell, field, resolver)));
    return new File([`${IMPORT_HEADER.join(";")}\n${cells.map(String).join(";")}\n`], "fiches.csv", { type: "text/csv" });
  }
  const body =
    "base64" in value.file.body ? Buffer.from(value.file.body.base64, "base64") : await resolve(value.file.body, field, resolver);
  return new File([typeof body === "string" || body instanceof File ? body : new Uint8Array(body)], value.file.name, {
    type: value.file.type,
  });
}

/** set: replaces every entry of that name (or adds one); add: one more entry; drop: removes them. */
export async function applyEdits(base: Entry[], edits: Edit[], resolver: Resolver): Promise<Entry[]> {
  let entries = [...base];
  for (const edit of edits) {
    if (edit.op === "drop") {
      entries = entries.filter(([name]) => name !== edit.name);
      continue;
    }
    const entry: Entry = [edit.name, await resolve(edit.value, edit.name, resolver)];
    const at = entries.findIndex(([name]) => name === edit.name);
    if (edit.op === "add" || at === -1) entries.push(entry);
    else entries = [...entries.slice(0, at), entry, ...entries.slice(at + 1).filter(([name]) => name !== edit.name)];
  }
  return entries;
}

export function toFormData(entries: Entry[]): FormData {
  const formData = new FormData();
  for (const [name, value] of entries) formData.append(name, value);
  return formData;
}

/** Whether "YYYY-MM-DD" names no day of the calendar (31 February, month 13, year 0). */
export function isImpossibleDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(2000, month - 1, day));
  date.setUTCFullYear(year);
  return year === 0 || date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day;
}

/** The impossible dates a form carries in the date fields of the action's schema (each named once). */
export function impossibleDates(entries: Entry[], fields: Field[]): Entry[] {
  const dateFields = new Set(fields.filter((field) => field.kind === "date").map((field) => field.name));
  const count = new Map<string, number>();
  for (const [name] of entries) count.set(name, (count.get(name) ?? 0) + 1);
  return entries.filter(
    ([name, value]) =>
      count.get(name) === 1 &&
      typeof value === "string" &&
      dateFields.has(name.replace(/\.(0|[1-9]\d*)(?=\.|$)/g, ".#")) &&
      isImpossibleDate(value),
  );
}
