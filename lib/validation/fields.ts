// zod building blocks for form inputs, with French messages, shared by the browser and the
// server. Forms send strings: empty optional fields become null; text never holds control
// characters; dates arrive as "YYYY-MM-DD", must exist in the calendar and fall within
// DATE_RANGE, and are kept as UTC midnight like PostgreSQL DATE columns; decimals are read
// exactly, as strings Prisma stores into Decimal columns, within the column's precision and scale.
import { z } from "zod";
import { isoDay } from "@/lib/format";
import { DECIMAL_COLUMNS, INT_MAX, type DecimalBounds, type DecimalColumn } from "./columns";
import { formatCount } from "@/lib/format";

export { DECIMAL_COLUMNS, INT_MAX, type DecimalColumn } from "./columns";

export const uuidField = (message: string) => z.uuid({ error: message });

const versionFrom = (min: number) =>
  z.coerce
    .number({ error: "Version manquante\u00a0: rechargez la page." })
    .int("Version manquante\u00a0: rechargez la page.")
    .min(min, "Version manquante\u00a0: rechargez la page.")
    .max(INT_MAX, "Version manquante\u00a0: rechargez la page.");

export const versionField = versionFrom(1);

/** The version of a record the first save creates: 0 while there is none. */
export const versionOrNewField = versionFrom(0);

/** An optional id from a <select>: "" means none. */
export const optionalId = z
  .string()
  .optional()
  .transform((value) => value || undefined)
  .pipe(z.uuid({ error: "Choix invalide." }).optional());

/** An optional id from a <select> or a combobox, as a nullable column stores it: "" means null. */
export const optionalUuid = z
  .string()
  .optional()
  .transform((value) => value || null)
  .pipe(z.uuid({ error: "Choix invalide." }).nullable());

// ---------------------------------------------------------------------------------------------
// Text

/**
 * What no text may hold: C0 controls but tab, line feed and carriage return (NUL included,
 * which PostgreSQL cannot store), DEL, C1 controls (U+0080–U+009F), and lone surrogates (which
 * cannot be encoded in UTF-8). With the `u` flag a surrogate pair is one code point, so only
 * lone halves match the surrogate range.
 */
const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u{d800}-\u{dfff}]/u;
const LINE_BREAK = /[\r\n]/;

export type TextOptions = {
  /** Tabs and line breaks are kept (a <textarea>); otherwise a tab is a space and a line break is refused. */
  multiline?: boolean;
  /** Shortest length accepted, after trimming (1 by default for required text). */
  min?: number;
};

/** Why this text cannot be stored, in French, or null when it can. */
export function textProblem(text: string, { multiline = false }: Pick<TextOptions, "multiline"> = {}): string | null {
  const found = FORBIDDEN_CHARACTER.exec(text);
  if (found) {
    const code = found[0].codePointAt(0)!;
    const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
    const position = [...text.slice(0, found.index)].length + 1;
    return code >= 0xd800 && code <= 0xdfff
      ? `Ce texte contient un caractère mal encodé (${hex}, position ${position})\u00a0: retapez-le.`
      : `Ce texte contient un caractère invisible non autorisé (${hex}, position ${position})\u00a0: supprimez-le.`;
  }
  if (!multiline && LINE_BREAK.test(text)) return "Ce champ tient sur une ligne\u00a0: retirez le retour à la ligne.";
  return null;
}

/** A string with the text rule applied: tabs of one-line text become spaces, then it is trimmed and checked. */
function safeString(multiline: boolean, error?: string) {
  const base = z.string(error ? { error } : undefined);
  return (multiline ? base : base.overwrite((value) => value.replace(/\t/g, " "))).trim().superRefine((value, context) => {
    const problem = textProblem(value, { multiline });
    if (problem) context.addIssue({ code: "custom", message: problem });
  });
}

const maxMessage = (max: number) => `${max.toLocaleString("fr-FR")} caractères au plus.`;

export const requiredText = (missing: string, max: number, { multiline = false, min = 1 }: TextOptions = {}) =>
  safeString(multiline, missing).min(min, missing).max(max, maxMessage(max));

export const optionalText = (max = 20_000, { multiline = false }: Pick<TextOptions, "multiline"> = {}) =>
  safeString(multiline)
    .max(max, maxMessage(max))
    .optional()
    .transform((value) => value || null);

/** A list typed one item per line (a <textarea>): trimmed, blank lines and repeats dropped. */
export const textLines = ({ maxItems, maxLength }: { maxItems: number; maxLength: number }) =>
  safeString(true)
    .max(maxItems * (maxLength + 2), maxMessage(maxItems * (maxLength + 2)))
    .optional()
    .transform((value, context) => {
      const items = [
        ...new Set(
          (value ?? "")
            .split(/\r?\n|\r/)
            .map((line) => line.replace(/\t/g, " ").trim())
            .filter(Boolean),
        ),
      ];
      if (items.length > maxItems) context.addIssue({ code: "custom", message: `${formatCount(maxItems, "ligne", "lignes")} au plus.` });
      const long = items.findIndex((item) => item.length > maxLength);
      if (long !== -1) context.addIssue({ code: "custom", message: `Ligne ${long + 1}\u00a0: ${maxMessage(maxLength)}` });
      return items;
    });

/** Values of a group of checkboxes (one value or several), each checked by `item`; repeats dropped. */
export const checkboxValues = <T extends z.ZodType<unknown, string>>(item: T, maxItems: number) =>
  z
    .union([z.string(), z.array(z.string())], { error: "Choix invalide." })
    .optional()
    .transform((value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]))
    .pipe(z.array(item).max(maxItems, `${maxItems} choix au plus.`))
    .transform((items): Array<z.output<T>> => [...new Set(items as Array<z.output<T>>)]);

/** Values of a group of checkboxes, each a one-line text; repeats dropped. */
export const textChoices = ({ maxItems, maxLength }: { maxItems: number; maxLength: number }) =>
  checkboxValues(requiredText("Choix invalide.", maxLength), maxItems);

// ---------------------------------------------------------------------------------------------
// Dates

/**
 * The dates a field accepts. Contracts, deliberations and diagnoses are recent, but a field may
 * record an older founding text; beyond 2200 it is a typo (20266 for 2026). Both ends are far
 * inside what JavaScript dates and PostgreSQL DATE hold.
 */
export const DATE_RANGE = { min: "1900-01-01", max: "2200-12-31" } as const;

const MIN_TIME = Date.parse(`${DATE_RANGE.min}T00:00:00Z`);
const MAX_TIME = Date.parse(`${DATE_RANGE.max}T00:00:00Z`);
const french = (iso: string) => iso.split("-").reverse().join("/");

export const DATE_MESSAGES = {
  malformed: "Date invalide\u00a0: écrivez-la jj/mm/aaaa, par exemple 15/03/2026.",
  outOfRange: `Date invalide\u00a0: choisissez une date entre le ${french(DATE_RANGE.min)} et le ${french(DATE_RANGE.max)}.`,
  /** For a date input the browser could not read (31/02, or an incomplete date): its value is empty. */
  unreadable: "Date invalide ou incomplète\u00a0: vérifiez le jour, le mois et l’année.",
  missing: (day: string, month: string, year: string) => `Date invalide\u00a0: le ${day}/${month}/${year} n’existe pas.`,
};

export type DayResult = { date: Date } | { error: string };

/**
 * The UTC midnight of year-month-day if that day exists and is within DATE_RANGE. The date
 * must survive construction unchanged (JavaScript turns 31 February into 3 March), and the
 * year is set with setUTCFullYear (Date.UTC reads years 0–99 as 1900–1999).
 */
export function calendarDay(year: number, month: number, day: number): DayResult {
  const pad = (value: number, width: number) => String(value).padStart(width, "0");
  if (year < 1900 || year > 2200) return { error: DATE_MESSAGES.outOfRange };
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return { error: DATE_MESSAGES.missing(pad(day, 2), pad(month, 2), pad(year, 4)) };
  if (date.getTime() < MIN_TIME || date.getTime() > MAX_TIME) return { error: DATE_MESSAGES.outOfRange };
  return { date };
}

/** "YYYY-MM-DD", as a date input sends it (more than four year digits: out of range). */
export function parseIsoDay(text: string): DayResult {
  const match = /^(\d{4,6})-(\d{2})-(\d{2})$/.exec(text);
  return match ? calendarDay(Number(match[1]), Number(match[2]), Number(match[3])) : { error: DATE_MESSAGES.malformed };
}

/** A date as spreadsheets hold it: "15/01/2025", "15/01/25" (20xx) or "2025-01-15". */
export function parseDayText(text: string): DayResult {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4,6})$/.exec(text.trim());
  if (!match) return parseIsoDay(text.trim());
  const year = match[3].length === 2 ? 2000 + Number(match[3]) : Number(match[3]);
  return calendarDay(year, Number(match[2]), Number(match[1]));
}

export const optionalDate = z
  .string({ error: DATE_MESSAGES.malformed })
  .optional()
  .transform((value, context) => {
    const text = value?.trim();
    if (!text) return null;
    const day = parseIsoDay(text);
    if ("date" in day) return day.date;
    context.addIssue({ code: "custom", message: day.error });
    return z.NEVER;
  });

export const requiredDate = (missing: string) => optionalDate.refine((date) => date !== null, missing).transform((date) => date!);

/** A value for an <input type="date">: "YYYY-MM-DD", or "" for none. */
export const dateInputValue = (date: Date | null | undefined) => isoDay(date) ?? "";

// ---------------------------------------------------------------------------------------------
// Numbers

/** An optional whole number between min and max, typed as text. */
export const optionalInteger = (min: number, max: number, message: string) =>
  z
    .string({ error: message })
    .optional()
    .transform((value) => value?.trim() || null)
    .refine((value) => value === null || (/^-?\d{1,10}$/.test(value) && Number(value) >= min && Number(value) <= max), message)
    .transform((value) => (value === null ? null : Number(value)));

export type DecimalOptions = {
  /** "amount": euros (a "€" is accepted, messages speak of a montant); "number": any quantity. */
  kind: "amount" | "number";
  /** Whether values below zero are accepted. */
  negative?: boolean;
};

export type DecimalResult = { value: string } | { error: string } | { empty: true };

const groupDigits = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");

/** The largest value of a column, written the French way: "999 999 999 999,99". */
function largest({ precision, scale }: DecimalBounds) {
  return groupDigits("9".repeat(precision - scale)) + (scale ? `,${"9".repeat(scale)}` : "");
}

/**
 * Reads a decimal typed the French way ("1 234,56", "1234.56", "-0,5") without going through
 * a JavaScript number, and checks it fits the column. The value is the canonical string
 * Prisma's Decimal prints ("1234.56", "12500.5"), so before and after compare as text.
 * Only spaces group thousands: "1.234,56" is refused, not guessed.
 */
export function parseDecimal(text: string, bounds: DecimalBounds, { kind, negative = false }: DecimalOptions): DecimalResult {
  const spaceless = text.replace(/\s/g, "");
  const compact = kind === "amount" ? spaceless.replace(/^€|€$/g, "") : spaceless;
  if (compact === "") return { empty: true };
  const match = /^([+\-\u2212]?)(\d*)(?:[.,](\d*))?$/.exec(compact);
  if (!match || `${match[2]}${match[3] ?? ""}` === "")
    return {
      error: kind === "amount" ? "Saisissez un montant en euros, par exemple 12\u00a0500,50." : "Saisissez un nombre, par exemple 12,5.",
    };
  const [, sign, integerDigits, fractionDigits = ""] = match;
  if (fractionDigits.length > bounds.scale)
    return {
      error: bounds.scale ? `${formatCount(bounds.scale, "décimale", "décimales")} au plus.` : "Un nombre entier, sans décimales.",
    };
  const integer = integerDigits.replace(/^0+/, "");
  const fraction = fractionDigits.replace(/0+$/, "");
  if (integer.length > bounds.precision - bounds.scale)
    return {
      error:
        kind === "amount"
          ? `Montant trop élevé\u00a0: ${largest(bounds)}\u00a0€ au plus.`
          : `Nombre trop grand\u00a0: ${largest(bounds)} au plus${negative ? " (en valeur absolue)" : ""}.`,
    };
  const isZero = integer === "" && fraction === "";
  if (sign && sign !== "+" && !isZero && !negative)
    return { error: kind === "amount" ? "Un montant ne peut pas être négatif." : "Un nombre positif ou nul." };
  return { value: `${sign && sign !== "+" && !isZero ? "-" : ""}${integer || "0"}${fraction ? `.${fraction}` : ""}` };
}

/** A required decimal bounded by a column of DECIMAL_COLUMNS; the output is an exact decimal string. */
export const decimalField = (column: DecimalColumn, missing: string, options: DecimalOptions) =>
  z.string({ error: missing }).transform((text, context) => {
    const result = parseDecimal(text, DECIMAL_COLUMNS[column], options);
    if ("value" in result) return result.value;
    context.addIssue({ code: "custom", message: "error" in result ? result.error : missing });
    return z.NEVER;
  });

/** An optional decimal bounded by a column of DECIMAL_COLUMNS: "" is null. */
export const optionalDecimalField = (column: DecimalColumn, options: DecimalOptions) =>
  z
    .string()
    .optional()
    .transform((text, context) => {
      const result = parseDecimal(text ?? "", DECIMAL_COLUMNS[column], options);
      if ("empty" in result) return null;
      if ("value" in result) return result.value;
      context.addIssue({ code: "custom", message: result.error });
      return z.NEVER;
    });

/** A Decimal read from the database as a form shows it: "12500,5", exactly (never through a JS number). */
export const decimalInputValue = (value: { toString(): string } | null | undefined) =>
  value === null || value === undefined ? "" : value.toString().replace(".", ",");

// ---------------------------------------------------------------------------------------------
// Rules across fields

/** Refuses a period whose end precedes its start, at the end's field. */
export function refinePeriod(input: { startsOn: Date | null; endsOn: Date | null }, context: z.RefinementCtx) {
  if (input.startsOn && input.endsOn && input.endsOn < input.startsOn)
    context.addIssue({ code: "custom", path: ["endsOn"], message: "La fin ne peut pas précéder le début." });
}

/** Refuses an organisation named twice in a list of rows, at the repeated row's field. */
export function refineDistinctOrganisations(
  rows: ReadonlyArray<{ organisationId: string }>,
  path: readonly PropertyKey[],
  message: string,
  context: z.RefinementCtx,
) {
  const seen = new Set<string>();
  rows.forEach((row, index) => {
    if (seen.has(row.organisationId)) context.addIssue({ code: "custom", path: [...path, index, "organisationId"], message });
    seen.add(row.organisationId);
  });
}

// ---------------------------------------------------------------------------------------------

/** A checkbox: present ("on") or absent. */
export const checkbox = z
  .string()
  .optional()
  .transform((value) => value === "on" || value === "true");
