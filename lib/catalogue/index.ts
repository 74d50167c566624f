// Field catalogues: each editable field of a concept declared once, in its form's order, with
// its French label, its zod rule, how history shows it and where else it appears (spreadsheet
// export, import template, PDF, public page, API). History snapshots, exports, the import and
// the PDF walk a catalogue instead of listing fields again (docs/adr/0006-names-and-layout.md).
import { z } from "zod";
import { formatDate, isoDay } from "@/lib/format";
import { dateInputValue, decimalInputValue, optionalDate, parseDayText, textProblem } from "@/lib/validation/fields";

/** A value as history stores and shows it: readable text, a number, or nothing. */
export type HistoryValue = string | number | null;
/** A spreadsheet cell: exceljs writes dates and numbers as such, with the column's format. */
export type CellValue = string | number | Date | null;

/** Excel number formats (Excel shows them with the reader's French separators). */
export const CELL_FORMATS = { date: "dd/mm/yyyy", euros: '#,##0.00 "€"', percent: "0 %", decimal: "#,##0.####" } as const;

/** One column of a spreadsheet export. */
export type ExportColumn<Row> = { header: string; width?: number; numFmt?: string; value: (row: Row) => CellValue };

/** How a PDF shows a field: a heading of the record, a "label : value" line, or a labelled paragraph. */
export type PdfEntry<Row> =
  | { kind: "heading" }
  | { kind: "fact" | "paragraph"; label?: string; value: (row: Row) => string | null }
  /** Shown in the line of another field (the period's end with its start). */
  | { kind: "within"; field: string };

export type CellResult = { value: unknown } | { error: string };

/** One column of the import template, and how a cell becomes the column's value. */
export type ImportColumn<Context> = {
  header: string;
  /** The column must be in the file and the cell filled. */
  required?: boolean;
  /** An empty cell leaves the record's value as it is (a status is never "nothing"). */
  keepWhenEmpty?: boolean;
  /** The template's example row. */
  example: string;
  /** The template's "Mode d’emploi" line. */
  help?: string;
  /** The cell's text (trimmed) as the value to store, or the French reason it cannot be. */
  parse: (cell: string, context: Context) => CellResult;
  /** A stored value as the before/after list of an import shows it. */
  shown: (value: unknown, context: Context) => string;
};

/** How a form shows a field (components/forms/catalogue-field.tsx renders it). */
export type FieldInput = {
  /**
   * integer and decimal are text inputs with a numeric keyboard; select, combobox and radio take
   * their options from `options` or the form (radio: a few options shown at once, as buttons).
   */
  kind: "text" | "integer" | "decimal" | "email" | "date" | "textarea" | "select" | "combobox" | "radio";
  /** The form's label, where it says more than the catalogue's. */
  label?: string;
  hint?: string;
  /** A text area's height in lines (4 unless given). */
  rows?: number;
  /** A select's choices: the concept's label dictionary. */
  options?: Readonly<Record<string, string>>;
  /** A select's empty first choice; a radio group's last button, which takes the choice back. */
  placeholder?: string;
  required?: boolean;
  /** What a new record's input shows. */
  initial?: string;
};

/** How a form shows a list field's rows: its title when it is not the label, a row as its buttons name it ("le partenaire" → "Retirer le partenaire 2"), the add button. */
export type FormList = { title?: string; row: string; add: string };

export type CatalogueField<Row, Context = never> = {
  /** French label: history's, and the outputs' unless they name their own. */
  label: string;
  /** The form's rule, which the server applies (a list field's rule validates its rows). */
  rule: z.ZodType;
  /** A column of the record itself; otherwise a list of child rows (partners, budget lines…). */
  scalar: boolean;
  /** The form's input, for a field typed as one value (list fields and checkbox groups have their own markup). */
  input?: FieldInput;
  /** A list field's rows in the form (components/forms/row-list.tsx). */
  list?: FormList;
  /** History snapshots: the key events store (stable: old events keep it) and the value shown; none when the record's history does not show it. */
  history?: { key: string; value: (row: Row) => HistoryValue };
  /** Columns of the record's row in the spreadsheet export, or the field whose column shows this one. */
  xlsx?: ReadonlyArray<ExportColumn<Row>> | { within: string };
  pdf?: PdfEntry<Row>;
  import?: ImportColumn<Context>;
  /** Shown on the public pages of a published contract. */
  publicPage: boolean;
  /** The field's name in the API and open-data exports (snake_case). */
  api: string;
  /** Its value in the API and open data, when its input does not say it: "list" for several words or lines in one column (lib/open-data). */
  apiType?: "list";
  /** The codes its values take and their French labels, when its input does not list them (a list's items). */
  apiChoices?: Readonly<Record<string, string>>;
  /** May hold what some contracts keep confidential (budget, contact e-mails): publication must be able to withhold it. */
  confidential: boolean;
};

export type Catalogue<Row, Context = never> = Readonly<Record<string, CatalogueField<Row, Context>>>;

/** Keeps each entry's literal rule type, so that a schema built from the catalogue infers its fields. */
export const defineCatalogue =
  <Row, Context = never>() =>
  <const C extends Catalogue<Row, Context>>(catalogue: C): C =>
    catalogue;

/** The fields in the catalogue's (the form's) order, each with its name. */
export function fieldsOf<Row, Context>(catalogue: Catalogue<Row, Context>) {
  return Object.entries(catalogue).map(([name, field]) => ({ name, ...field }));
}

export type RulesOf<C> = { [K in keyof C]: C[K] extends { rule: infer R extends z.ZodType } ? R : never };

/** The catalogue's rules as a zod object shape, in the form's order. */
export function rulesOf<C extends Catalogue<never, never>>(catalogue: C): RulesOf<C> {
  return Object.fromEntries(Object.entries(catalogue).map(([name, field]) => [name, field.rule])) as RulesOf<C>;
}

/** The names of a catalogue's fields that a form shows as one input each, with the text it shows. */
export type FormValuesOf<C> = { [K in keyof C as C[K] extends { input: FieldInput } ? K : never]: string };

/**
 * What a form's inputs show for a record, or for a new one (`record` then holds only the defaults
 * the page chose): text as typed, dates as yyyy-mm-dd, lists one item a line, nothing as "".
 */
export function formValuesOf<C extends Catalogue<never, never>>(
  catalogue: C,
  record: Readonly<Record<string, unknown>> | null,
): FormValuesOf<C> {
  return Object.fromEntries(
    Object.entries(catalogue).flatMap(([name, { input }]) => (input ? [[name, inputText(record?.[name], input)]] : [])),
  ) as FormValuesOf<C>;
}

function inputText(value: unknown, input: FieldInput): string {
  if (value === null || value === undefined) return input.initial ?? "";
  if (value instanceof Date) return dateInputValue(value);
  // An exact decimal (Prisma's Decimal) the French way, never through a JavaScript number.
  if (input.kind === "decimal") return decimalInputValue(value as { toString(): string });
  if (Array.isArray(value)) return value.join("\n");
  return String(value);
}

/** The record as history stores it: one readable value per field, keyed as events keep them. */
export function historySnapshot<Row>(catalogue: Catalogue<Row, never>, row: Row): Record<string, HistoryValue> {
  return Object.fromEntries(Object.values(catalogue).flatMap(({ history }) => (history ? [[history.key, history.value(row)]] : [])));
}

/** History keys → French labels, in the form's order. */
export function historyLabels(catalogue: Catalogue<never, never>): Record<string, string> {
  return Object.fromEntries(Object.values(catalogue).flatMap(({ history, label }) => (history ? [[history.key, label]] : [])));
}

/** Columns named first keep their place; every other field with export columns follows in the catalogue's order. */
export function orderedFields<Row, Context>(catalogue: Catalogue<Row, Context>, leading: readonly string[]) {
  const fields = fieldsOf(catalogue);
  const byName = new Map(fields.map((field) => [field.name, field]));
  return [...leading.map((name) => byName.get(name)!), ...fields.filter((field) => !leading.includes(field.name))];
}

/** A document's lines for a record: its fields shown as facts, then those shown as paragraphs, in the catalogue's order. */
export function documentEntries<Row>(catalogue: Catalogue<Row, never>, row: Row) {
  const entries = Object.values(catalogue).flatMap((field) =>
    field.pdf?.kind === "fact" || field.pdf?.kind === "paragraph"
      ? [{ kind: field.pdf.kind, label: field.pdf.label ?? field.label, value: field.pdf.value(row) }]
      : [],
  );
  return { facts: entries.filter((entry) => entry.kind === "fact"), paragraphs: entries.filter((entry) => entry.kind === "paragraph") };
}

/** A spreadsheet's columns for a record, in the catalogue's order (fields shown within another's column aside). */
export function exportColumns<Row>(fields: ReadonlyArray<Pick<CatalogueField<Row, never>, "xlsx">>): Array<ExportColumn<Row>> {
  return fields.flatMap((field) => (field.xlsx && !("within" in field.xlsx) ? field.xlsx : []));
}

/** A spreadsheet's rows for a record shown as "label | value" facts, in the catalogue's order. */
export function factRows<Row>(catalogue: Catalogue<Row, never>, row: Row) {
  return Object.values(catalogue).flatMap((field) =>
    field.xlsx && !("within" in field.xlsx) ? field.xlsx.map((column) => ({ label: column.header, value: column.value(row) })) : [],
  );
}

// ---------------------------------------------------------------------------------------------
// Entries of the usual kinds, so that each kind's rule lives once: a text shows as stored, a date
// as yyyy-mm-dd in history and as a date cell in the export, a choice by its French label. An
// entry that does more spreads one of these and overrides what differs; an odd one is written out.

type KeysOf<Row, Value> = { [K in keyof Row]-?: Row[K] extends Value ? K : never }[keyof Row] & string;

type EntryOptions = {
  label: string;
  api: string;
  /** The export column's header, when it is not the label. */
  header?: string;
  width?: number;
  /** History does not show the field on its own (an objective's fields are a line of its fiche's). */
  noHistory?: boolean;
  publicPage?: boolean;
  confidential?: boolean;
};

/** History under the field's name and one export column, both showing the value as `shown` and `cell` read it. */
function shownEntry<Row>(
  name: string,
  shown: (row: Row) => HistoryValue,
  cell: (row: Row) => CellValue,
  { label, api, header = label, width, noHistory = false, publicPage = false, confidential = false }: EntryOptions,
  numFmt?: string,
) {
  return {
    label,
    scalar: true as const,
    ...(noHistory ? {} : { history: { key: name, value: shown } }),
    xlsx: [{ header, ...(width ? { width } : {}), ...(numFmt ? { numFmt } : {}), value: cell }],
    publicPage,
    api,
    confidential,
  };
}

/**
 * A field holding child rows, each checked by `row`, at most `max`, none when the form sends none;
 * `list` names them in the form. Public pages do not show it and it holds nothing confidential, unless told.
 */
export const listOf = <R extends z.ZodType>(
  label: string,
  row: R,
  max: number,
  { api, list, publicPage = false, confidential = false }: { api: string; list: FormList; publicPage?: boolean; confidential?: boolean },
) => ({
  label,
  rule: z.array(row).max(max).default([]),
  scalar: false as const,
  list,
  publicPage,
  api,
  confidential,
});

/** Constructors of the usual entries of a catalogue over `Row`. */
export function entriesOf<Row>() {
  return {
    /** Text or a number, shown as stored; a PDF shows it as a fact or a paragraph when asked. */
    text: <R extends z.ZodType>(
      name: KeysOf<Row, string | number | null>,
      rule: R,
      { pdf, input = { kind: "text" }, ...options }: EntryOptions & { pdf?: "fact" | "paragraph"; input?: FieldInput },
    ) => {
      const value = (row: Row) => row[name] as string | number | null;
      const text = (row: Row) => (value(row) === null ? null : String(value(row)));
      return { ...shownEntry(name, value, value, options), rule, input, ...(pdf ? { pdf: { kind: pdf, value: text } } : {}) };
    },
    /** A day, or nothing: yyyy-mm-dd in history, a date cell in the export, the French date in a PDF's facts. */
    date: (name: KeysOf<Row, Date | null>, { pdf = false, ...options }: EntryOptions & { pdf?: boolean }) => {
      const day = (row: Row) => row[name] as Date | null;
      return {
        ...shownEntry(name, (row) => isoDay(day(row)), day, options, CELL_FORMATS.date),
        rule: optionalDate,
        input: { kind: "date" } as const,
        ...(pdf ? { pdf: { kind: "fact" as const, value: (row: Row) => (day(row) ? formatDate(day(row)!) : null) } } : {}),
      };
    },
    /** One of an enum's values, shown everywhere by its French label and chosen in a select. */
    choice: <const E extends Readonly<Record<string, string>>>(
      name: KeysOf<Row, string>,
      values: E,
      labels: Readonly<Record<E[keyof E], string>>,
      error: string,
      { pdf = false, input, ...options }: EntryOptions & { pdf?: boolean; input?: Omit<FieldInput, "kind" | "options"> },
    ) => {
      const byValue: Readonly<Record<string, string>> = labels;
      const label = (row: Row) => byValue[String(row[name])];
      return {
        ...shownEntry(name, label, label, options),
        rule: z.enum(values, { error }),
        input: { kind: "select" as const, options: labels, ...input },
        ...(pdf ? { pdf: { kind: "fact" as const, value: label } } : {}),
      };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Cells of an import, with the forms' rules and French messages.

const EMPTY = "(vide)";
const fold = (text: string) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();

/** For comparing names typed in a spreadsheet: accents, case and spacing do not matter. */
export const foldName = fold;

/** How an import shows a stored value: "(vide)" for nothing, dates the French way, lists joined. */
export function shownValue(value: unknown): string {
  if (value === null || value === undefined || value === "" || (Array.isArray(value) && !value.length)) return EMPTY;
  if (value instanceof Date) return formatDate(value);
  if (Array.isArray(value)) return value.join(", ");
  return String(value);
}

/** A text cell: a one-line column turns tabs and line breaks (Alt+Entrée in Excel) into spaces. */
export function textCell(max: number, { multiline = false } = {}) {
  return (cell: string): CellResult => {
    const value = multiline ? cell : cell.replace(/[\t\n\r\v\f]+/g, " ");
    const problem = textProblem(value, { multiline });
    if (problem) return { error: problem };
    if (value.length > max) return { error: `${max} caractères au plus.` };
    return { value: value || null };
  };
}

/** One of an enum's values, by its French label or its code; empty is null. */
export function choiceCell(labels: Readonly<Record<string, string>>, unknown: string) {
  const byText = new Map(Object.entries(labels).flatMap(([code, label]) => [[fold(label), code] as const, [fold(code), code] as const]));
  return (cell: string): CellResult => {
    if (!cell) return { value: null };
    const code = byText.get(fold(cell));
    return code ? { value: code } : { error: `${unknown} Valeurs possibles\u00a0: ${Object.values(labels).join(", ")}.` };
  };
}

/**
 * Several values of a controlled list, by label or code, separated by semicolons or lines (labels
 * hold commas); a piece that names none is tried as comma-separated values. Empty is none.
 */
export function choiceListCell(labels: Readonly<Record<string, string>>, unknown: string) {
  const byText = new Map(Object.entries(labels).flatMap(([code, label]) => [[fold(label), code] as const, [fold(code), code] as const]));
  return (cell: string): CellResult => {
    const codes: string[] = [];
    for (const piece of cell
      .split(/[;\r\n]+/)
      .map((item) => item.trim())
      .filter(Boolean)) {
      const parts = byText.has(fold(piece))
        ? [piece]
        : piece
            .split(",")
            .map((item) => item.trim())
            .filter(Boolean);
      for (const part of parts) {
        const code = byText.get(fold(part));
        if (!code)
          return { error: `${unknown} «\u00a0${part}\u00a0». Valeurs possibles\u00a0: ${Object.values(labels).join("\u00a0; ")}.` };
        codes.push(code);
      }
    }
    return { value: [...new Set(codes)] };
  };
}

/** A whole number between min and max; empty is null. */
export function integerCell(min: number, max: number, message: string, { suffix }: { suffix?: RegExp } = {}) {
  return (cell: string): CellResult => {
    const text = suffix ? cell.replace(suffix, "") : cell;
    if (!text) return { value: null };
    return /^\d{1,9}$/.test(text) && Number(text) >= min && Number(text) <= max ? { value: Number(text) } : { error: message };
  };
}

/** A date as spreadsheets hold it ("15/01/2025", "2025-01-15"); empty is null. */
export function dayCell(cell: string): CellResult {
  if (!cell) return { value: null };
  const day = parseDayText(cell);
  return "date" in day ? { value: day.date } : { error: day.error };
}

/** An e-mail address, stored in lower case; empty is null. */
export function emailCell(cell: string): CellResult {
  const email = cell.toLowerCase();
  if (email && !z.email().max(254).safeParse(email).success) return { error: "Adresse e-mail invalide." };
  return { value: email || null };
}

/** A list typed in one cell, split at `separator`: trimmed, repeats dropped, each item one line of text. */
export function listCell(separator: RegExp, { maxItems, maxLength, message }: { maxItems: number; maxLength: number; message: string }) {
  return (cell: string): CellResult => {
    const items = [
      ...new Set(
        cell
          .split(separator)
          .map((item) => item.trim())
          .filter(Boolean),
      ),
    ];
    const problem = items.map((item) => textProblem(item)).find(Boolean);
    if (problem) return { error: problem };
    if (items.length > maxItems || items.some((item) => item.length > maxLength)) return { error: message };
    return { value: items };
  };
}

// ---------------------------------------------------------------------------------------------
// Frozen copies (lib/snapshots): a record as a snapshot keeps it, walked from its catalogue.

/** A JSON value as a snapshot stores it. */
export type FrozenValue = string | number | boolean | null | FrozenValue[] | { [key: string]: FrozenValue };

/** A stored value as JSON: a day as yyyy-mm-dd (catalogue dates are days), an exact decimal as text, child rows field by field. */
export function frozenValue(value: unknown): FrozenValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return isoDay(value);
  if (typeof value === "object" && "toFixed" in value) return String(value); // Prisma Decimal
  if (Array.isArray(value)) return value.map(frozenValue);
  if (typeof value === "object") return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, frozenValue(item)]));
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") return value;
  return String(value);
}

/**
 * A record's fields under their API names, in the catalogue's order: the value the record holds
 * as stored, or, for a reference the record holds only through its relation (a pilot
 * organisation), the value its history shows (the name it had). Fields named in `omit` are
 * held elsewhere by the caller (objectives as records of their own).
 */
export function frozenValues<Row>(
  catalogue: Catalogue<Row, never>,
  row: Row,
  { omit = [] }: { omit?: readonly string[] } = {},
): Record<string, FrozenValue> {
  const record = row as Readonly<Record<string, unknown>>;
  return Object.fromEntries(
    Object.entries(catalogue).flatMap(([name, field]) => {
      if (omit.includes(name)) return [];
      if (Object.hasOwn(record, name)) return [[field.api, frozenValue(record[name])]];
      return field.history ? [[field.api, field.history.value(row)]] : [];
    }),
  );
}
