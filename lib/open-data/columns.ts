// The columns of an open data collection, declared once: each says its snake_case name, French
// title, type and how it reads its value from a source row. The JSON resource, its zod schema
// (and so the OpenAPI document), the CSV file and its Table Schema are all built from them, so
// they cannot disagree. Catalogue fields become columns by walking their catalogue.
import { z } from "zod";
import type { CatalogueField } from "@/lib/catalogue";
import { isoDay } from "@/lib/format";

/**
 * - decimal: an exact decimal, as text in JSON ("12500.50", never a binary float) and a number in CSV;
 * - list: several values, an array in JSON, joined by LIST_SEPARATOR in CSV.
 */
export type ColumnType = "string" | "uuid" | "uri" | "integer" | "decimal" | "date" | "datetime" | "boolean" | "list";

export type Column<Source> = {
  name: string;
  /** French, as the Table Schema and /donnees show it. */
  title: string;
  description?: string;
  type: ColumnType;
  /** For a value among codes (a list: each item): each code and its French label. */
  choices?: Readonly<Record<string, string>>;
  /** Never empty. */
  required?: boolean;
  read: (source: Source) => unknown;
};

/** A value as the API gives it. */
export type Value = string | number | boolean | string[] | null;
export type Resource = Record<string, Value>;

export const LIST_SEPARATOR = ";";
const DECIMAL = /^-?\d+(\.\d+)?$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const column = <Source>(
  name: string,
  title: string,
  type: ColumnType,
  read: (source: Source) => unknown,
  more: Partial<Column<Source>> = {},
) => ({ name, title, type, read, ...more }) satisfies Column<Source>;

/**
 * A value read from a source, as its column's type allows it, or null (a list: empty). Snapshots
 * written by older versions may hold a field in another shape: what does not fit is left out
 * rather than given in a type the schema does not announce.
 */
export function valueOf<Source>(col: Column<Source>, raw: unknown): Value {
  if (col.type === "list") {
    const items = Array.isArray(raw) ? raw : raw === null || raw === undefined || raw === "" ? [] : [raw];
    return items
      .flatMap((item) => (typeof item === "string" ? [item] : typeof item === "number" ? [String(item)] : []))
      .filter((item) => !col.choices || Object.hasOwn(col.choices, item));
  }
  if (raw === null || raw === undefined) return null;
  switch (col.type) {
    case "string":
    case "uri": {
      const text = typeof raw === "string" ? raw : typeof raw === "number" ? String(raw) : null;
      if (text === null || (col.choices && !Object.hasOwn(col.choices, text))) return null;
      return text;
    }
    case "uuid":
      return typeof raw === "string" && UUID.test(raw) ? raw.toLowerCase() : null;
    case "integer":
      if (typeof raw === "number") return Number.isSafeInteger(raw) ? raw : null;
      return typeof raw === "string" && /^-?\d{1,15}$/.test(raw) ? Number(raw) : null;
    case "decimal": {
      // A Prisma Decimal, the text a snapshot keeps, or a number an older snapshot kept.
      const text = typeof raw === "number" ? (Number.isFinite(raw) ? String(raw) : "") : typeof raw === "object" ? String(raw) : raw;
      return typeof text === "string" && DECIMAL.test(text) ? text : null;
    }
    case "date":
      if (raw instanceof Date) return isoDay(raw);
      return typeof raw === "string" && DAY.test(raw) ? raw : null;
    case "datetime":
      if (raw instanceof Date) return raw.toISOString();
      return typeof raw === "string" && !Number.isNaN(Date.parse(raw)) ? new Date(raw).toISOString() : null;
    case "boolean":
      return typeof raw === "boolean" ? raw : null;
  }
}

/** The resource a source row makes: one value per column, in the columns' order. */
export function resourceOf<Source>(columns: ReadonlyArray<Column<Source>>, source: Source): Resource {
  const resource: Resource = {};
  for (const col of columns) resource[col.name] = valueOf(col, col.read(source));
  return resource;
}

/** The French description, with the codes a choice allows. */
export function describe<Source>(col: Column<Source>): string | undefined {
  const parts = [
    col.description,
    col.choices
      ? `Valeurs\u00a0: ${Object.entries(col.choices)
          .map(([code, label]) => `${code} (${label})`)
          .join(", ")}.`
      : undefined,
    col.type === "list" ? `Plusieurs valeurs, séparées par «\u00a0${LIST_SEPARATOR}\u00a0» dans le fichier CSV.` : undefined,
    col.type === "decimal" ? "Nombre décimal exact, avec un point pour séparateur décimal (une chaîne de caractères en JSON)." : undefined,
  ].filter(Boolean);
  return parts.length ? parts.join(" ") : undefined;
}

/** The zod schema of one column's value. */
export function columnSchema<Source>(col: Column<Source>): z.ZodType {
  const base = ((): z.ZodType => {
    if (col.choices) {
      const codes = z.enum(Object.keys(col.choices) as [string, ...string[]]);
      return col.type === "list" ? z.array(codes) : codes;
    }
    switch (col.type) {
      case "string":
        return z.string();
      case "uuid":
        return z.uuid();
      case "uri":
        return z.url();
      case "integer":
        return z.int();
      case "decimal":
        return z.string().regex(DECIMAL);
      case "date":
        return z.iso.date();
      case "datetime":
        return z.iso.datetime();
      case "boolean":
        return z.boolean();
      case "list":
        return z.array(z.string());
    }
  })();
  const value = col.required || col.type === "list" ? base : base.nullable();
  const description = describe(col);
  return value.meta({ title: col.title, ...(description ? { description } : {}) });
}

/** The zod schema of a collection's resources: exactly its columns. */
export function resourceSchema<Source>(columns: ReadonlyArray<Column<Source>>) {
  return z.strictObject(Object.fromEntries(columns.map((col) => [col.name, columnSchema(col)])));
}

/** A record's own value for a key, never one it inherits (a snapshot's JSON holds any key). */
export const own = (record: Readonly<Record<string, unknown>>, key: string) => (Object.hasOwn(record, key) ? record[key] : undefined);

/** What of a catalogue entry makes a column. */
type ColumnField = Pick<CatalogueField<never, never>, "label" | "scalar" | "input" | "publicPage" | "api" | "apiType" | "apiChoices">;

/** A catalogue field's column type: said by the entry (`apiType`), or by its input. */
function typeOf(field: ColumnField): ColumnType {
  if (field.apiType) return field.apiType;
  switch (field.input?.kind) {
    case "integer":
      return "integer";
    case "decimal":
      return "decimal";
    case "date":
      return "date";
    default:
      return "string";
  }
}

/**
 * A list field of a catalogue (partners, budget lines…): its own column, built from the list's
 * rows, or a collection of its own that holds them.
 */
export type ListColumn<Source> = { column: (field: { name: string; title: string }) => Column<Source> } | { collection: string };

/**
 * The columns of a catalogue's public fields, in its order: each named by its API name, read from
 * `values` (a record's values by API name). A public list field must say where it goes: the walk
 * throws otherwise, so a new public field cannot be forgotten by the open data.
 */
export function catalogueColumns<Source>(
  catalogue: Readonly<Record<string, ColumnField>>,
  values: (source: Source) => Readonly<Record<string, unknown>>,
  lists: Readonly<Record<string, ListColumn<Source>>> = {},
): Array<Column<Source>> {
  return Object.entries(catalogue).flatMap(([name, field]): Array<Column<Source>> => {
    if (!field.publicPage) return [];
    if (!field.scalar) {
      const list = Object.hasOwn(lists, name) ? lists[name] : undefined;
      if (!list) throw new Error(`open data: the public list field "${name}" has no column nor collection (lib/open-data/schema.ts)`);
      return "collection" in list ? [] : [list.column({ name: field.api, title: field.label })];
    }
    const choices = field.input?.kind === "select" || field.input?.kind === "radio" ? field.input.options : field.apiChoices;
    return [
      {
        name: field.api,
        title: field.label,
        type: typeOf(field),
        ...(choices ? { choices } : {}),
        read: (source) => own(values(source), field.api),
      },
    ];
  });
}
