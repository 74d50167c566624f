// Collections as CSV files (RFC 4180): UTF-8 without byte order mark, comma-separated, a header
// row of the columns' snake_case names, CRLF line ends, ISO 8601 dates, decimals with a point.
// A file is written page after page as it is read, so a whole region's rows stream out in
// bounded memory. Text that a spreadsheet would run as a formula is defused (docs/adr/0013).
import { LIST_SEPARATOR, type Column, type Resource, type Value } from "./columns";

/** Characters that make a spreadsheet read a cell as a formula (OWASP, "CSV injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Columns whose cells are free text, the only ones a formula could hide in: numbers, dates, codes and identifiers are checked by type. */
const isText = (col: Column<never>) => (col.type === "string" && !col.choices) || col.type === "list";

/** One cell: empty for nothing, lists joined, free text starting like a formula prefixed with ', quoted when it must be. */
export function csvCell(col: Column<never>, value: Value): string {
  if (value === null) return "";
  let text = Array.isArray(value) ? value.join(LIST_SEPARATOR) : String(value);
  if (isText(col) && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvHeader = (columns: ReadonlyArray<Column<never>>) => `${columns.map((col) => col.name).join(",")}\r\n`;

export const csvRows = (columns: ReadonlyArray<Column<never>>, rows: readonly Resource[]) =>
  rows.map((row) => `${columns.map((col) => csvCell(col, row[col.name] ?? null)).join(",")}\r\n`).join("");

/**
 * A CSV file read page by page: `next` gives each page's rows and says whether more follow. A
 * failure after the first bytes can only cut the file short (the status is sent): the stream
 * errors, so the client sees an incomplete download rather than a file that looks whole.
 */
export function csvStream(
  columns: ReadonlyArray<Column<never>>,
  first: { rows: readonly Resource[]; more: boolean },
  next: () => Promise<{ rows: readonly Resource[]; more: boolean }>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let more = first.more;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvHeader(columns) + csvRows(columns, first.rows)));
      if (!more) controller.close();
    },
    async pull(controller) {
      if (!more) return;
      const page = await next();
      more = page.more;
      if (page.rows.length) controller.enqueue(encoder.encode(csvRows(columns, page.rows)));
      if (!more) controller.close();
    },
  });
}
