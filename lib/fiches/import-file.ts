// Reading a spreadsheet of fiches: .xlsx (exceljs) or .csv as French Excel writes it (";" or
// "," separated, often with a byte-order mark). Every cell comes out as text; dates as
// YYYY-MM-DD.
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { isoDay } from "@/lib/format";
import { FILE_TOO_LARGE_MESSAGE, MAX_IMPORT_BYTES } from "./import-schema";

export const MAX_IMPORT_ROWS = 2000;

export class UnreadableFileError extends Error {}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return "";
  // An unreadable date stays visible (and is refused as such) rather than vanishing.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "date illisible" : isoDay(value)!;
  if (typeof value === "object") {
    if ("richText" in value) return value.richText.map((part) => part.text).join("");
    if ("text" in value) return String(value.text);
    if ("result" in value) return cellText(value.result as ExcelJS.CellValue);
    if ("error" in value) return "";
  }
  return String(value);
}

async function readXlsx(bytes: ArrayBuffer): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes);
  } catch {
    throw new UnreadableFileError("Ce fichier .xlsx ne peut pas être lu. Enregistrez-le à nouveau depuis Excel, ou exportez-le en CSV.");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const values = row.values as ExcelJS.CellValue[];
    rows.push(values.slice(1).map((value) => cellText(value).trim()));
  });
  return rows;
}

function readCsv(bytes: ArrayBuffer): string[][] {
  const text = new TextDecoder("utf-8").decode(bytes).replace(/^\uFEFF/, "");
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ";" : ",";
  try {
    return parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, trim: true }) as string[][];
  } catch {
    throw new UnreadableFileError("Ce fichier CSV ne peut pas être lu\u00a0: vérifiez qu’il est enregistré en «\u00a0CSV UTF-8\u00a0».");
  }
}

/** The rows of the first sheet, header included. */
export async function readSpreadsheet(file: File): Promise<string[][]> {
  // The input schema checks the size too; this keeps any other caller from reading a huge file.
  if (file.size > MAX_IMPORT_BYTES) throw new UnreadableFileError(FILE_TOO_LARGE_MESSAGE);
  const bytes = await file.arrayBuffer();
  const isZip = new Uint8Array(bytes.slice(0, 2)).every((byte, index) => byte === [0x50, 0x4b][index]);
  const rows = isZip || file.name.toLowerCase().endsWith(".xlsx") ? await readXlsx(bytes) : readCsv(bytes);
  if (rows.length - 1 > MAX_IMPORT_ROWS)
    throw new UnreadableFileError(`Ce fichier compte plus de ${MAX_IMPORT_ROWS} lignes\u00a0: découpez-le.`);
  return rows;
}
