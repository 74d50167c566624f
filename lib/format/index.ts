// French (fr-FR) formatting of dates, durations and counts for the UI.
// Calendar dates are stored as UTC midnight (@db.Date), so they are formatted in UTC.

const dayFormat = new Intl.DateTimeFormat("fr-FR", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const monthFormat = new Intl.DateTimeFormat("fr-FR", { month: "long", year: "numeric", timeZone: "UTC" });
const numberFormat = new Intl.NumberFormat("fr-FR");
// One formatter: toLocaleString with options builds a new one on every call.
const euroFormat = new Intl.NumberFormat("fr-FR", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export type DatePrecision = "day" | "month" | "year";

const unbreakable = (text: string) => text.replace(/ /g, "\u00a0");

/** "28 octobre 2019", "1er octobre 2014", "janvier 2019" or "2019" depending on precision; never split across lines. */
export function formatDate(date: Date, precision: DatePrecision = "day"): string {
  if (precision === "year") return String(date.getUTCFullYear());
  if (precision === "month") return unbreakable(monthFormat.format(date));
  const text = dayFormat.format(date);
  return unbreakable(date.getUTCDate() === 1 ? text.replace(/^1 /, "1er ") : text);
}

const instantFormat = new Intl.DateTimeFormat("fr-FR", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/Paris",
});

/** An instant in metropolitan French time: "23 novembre 2026 à 14:05". */
export function formatDateTime(instant: Date): string {
  const parts = Object.fromEntries(instantFormat.formatToParts(instant).map((part) => [part.type, part.value]));
  const day = parts.day === "1" ? "1er" : parts.day;
  return unbreakable(`${day} ${parts.month} ${parts.year}`) + ` à ${parts.hour}:${parts.minute}`;
}

const pluralRules = new Intl.PluralRules("fr-FR");

/**
 * The French form for a count, by the language's own rules (Intl.PluralRules "fr-FR"): 0 and 1
 * take the singular, 2 and more the plural; `many` (1 000 000 → "1 000 000 de lignes") falls
 * back to `other`. Every plural in the UI goes through here or `formatCount`.
 */
export function selectPlural<Form>(count: number, forms: { one: Form; other: Form; many?: Form }): Form {
  const category = pluralRules.select(count);
  return category === "one" ? forms.one : category === "many" ? (forms.many ?? forms.other) : forms.other;
}

/** "5 ans", "18 mois", "3 ans et 6 mois". */
export function formatDuration(months: number): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  const yearText = years ? formatCount(years, "an", "ans") : "";
  const monthText = rest ? `${rest}\u00a0mois` : "";
  return [yearText, monthText].filter(Boolean).join(" et ");
}

/** A calendar date as history records it: "2025-01-15", or null. */
export function isoDay(date: Date | null | undefined): string | null {
  return date ? date.toISOString().slice(0, 10) : null;
}

/** An amount in euros, two decimals: "12 500,50 €" (a Prisma Decimal, its text, or a number). */
export function formatEuros(amount: number | { toString(): string }): string {
  const value = typeof amount === "number" ? amount : Number(amount.toString());
  return `${euroFormat.format(value)}\u00a0€`;
}

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** "1 fiche action", "10 fiches actions". */
export function formatCount(count: number, singular: string, plural: string): string {
  return `${formatNumber(count)}\u00a0${selectPlural(count, { one: singular, other: plural })}`;
}

/** French ordinal: "1er", "2e". */
export function formatOrdinal(value: number): string {
  return value === 1 ? "1er" : `${value}e`;
}

/**
 * An exact decimal (a Prisma Decimal or its text) the French way, never through a JavaScript
 * number, which keeps only about 15 significant digits: "12345678901234.5678" → "12 345 678 901 234,5678".
 * `fractionDigits` pads the decimals (2 for euros).
 */
export function formatDecimal(value: { toString(): string }, { fractionDigits = 0 }: { fractionDigits?: number } = {}): string {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(value.toString());
  if (!match) return value.toString();
  const [, sign, integer, fraction = ""] = match;
  const decimals = fraction.padEnd(fractionDigits, "0");
  return `${sign}${integer.replace(/\B(?=(\d{3})+(?!\d))/g, "\u202f")}${decimals ? `,${decimals}` : ""}`;
}

/** An exact amount in euros (a Prisma Decimal or its text), never through a JavaScript number: "12 500,50 €". */
export function formatEurosExact(amount: { toString(): string }): string {
  return `${formatDecimal(amount, { fractionDigits: 2 })}\u00a0€`;
}

const sizeFormat = new Intl.NumberFormat("fr-FR", { maximumFractionDigits: 1 });

/** A file's size as people read it: "850 octets", "12 ko", "1,2 Mo" (1 ko = 1 024 octets, as file managers count). */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${formatNumber(bytes)}\u00a0${selectPlural(bytes, { one: "octet", other: "octets" })}`;
  if (bytes < 1024 * 1024) return `${sizeFormat.format(Math.max(1, Math.round(bytes / 1024)))}\u00a0ko`;
  return `${sizeFormat.format(bytes / (1024 * 1024))}\u00a0Mo`;
}
