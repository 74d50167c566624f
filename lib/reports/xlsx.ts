// An evaluation report (./model.ts) as an Excel workbook (exceljs): one sheet per section, typed
// cells (numbers, euros with a euro format, percents, real dates) that French Excel and
// LibreOffice show with French separators, bold and frozen header rows. A section's records (the
// fiches) become one row each, and the tables of each record are gathered in a sheet of their own.
import ExcelJS from "exceljs";
import { CELL_FORMATS } from "@/lib/catalogue";
import type { Block, Cell, CellKind, Column, EvaluationReport, Fact, Table } from "./model";

const FORMATS: Partial<Record<CellKind, string>> = {
  euros: CELL_FORMATS.euros,
  percent: CELL_FORMATS.percent,
  date: CELL_FORMATS.date,
  decimal: CELL_FORMATS.decimal,
};

/** The value Excel keeps: euros as numbers (two decimals, exact enough to show), percents as fractions. */
function cellValue(kind: CellKind, value: Cell): ExcelJS.CellValue {
  if (value === null || value === "") return null;
  if (kind === "euros" || kind === "decimal" || kind === "integer") return typeof value === "number" ? value : Number(value);
  if (kind === "percent") return Number(value) / 100;
  return value;
}

/** Excel refuses sheet names over 31 characters and some punctuation. */
const sheetName = (name: string) => name.replace(/[\\/?*[\]:]/g, " ").slice(0, 31);

class SheetWriter {
  private frozen = false;
  constructor(private readonly sheet: ExcelJS.Worksheet) {}

  private freezeAt(row: number) {
    if (this.frozen) return;
    this.frozen = true;
    this.sheet.views = [{ state: "frozen", ySplit: row }];
  }

  private widen(columns: ReadonlyArray<{ width: number }>) {
    columns.forEach((column, index) => {
      const sheetColumn = this.sheet.getColumn(index + 1);
      sheetColumn.width = Math.max(sheetColumn.width ?? 0, column.width + 2);
    });
  }

  private header(values: string[]) {
    const row = this.sheet.addRow(values);
    row.font = { bold: true };
    row.alignment = { vertical: "middle", wrapText: true };
    row.eachCell((cell) => (cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE2EEF0" } }));
    this.freezeAt(row.number);
    return row;
  }

  private typedRow(columns: readonly Pick<Column, "kind">[], cells: readonly Cell[], bold = false) {
    const row = this.sheet.addRow(cells.map((value, index) => cellValue(columns[index].kind, value)));
    columns.forEach((column, index) => {
      const format = FORMATS[column.kind];
      if (format) row.getCell(index + 1).numFmt = format;
    });
    row.alignment = { vertical: "top", wrapText: true };
    if (bold) row.font = { bold: true };
  }

  paragraph(label: string | null, text: string) {
    if (label) this.sheet.addRow([label]).font = { bold: true };
    const row = this.sheet.addRow([text]);
    row.alignment = { vertical: "top", wrapText: true };
    this.sheet.addRow([]);
  }

  facts(facts: readonly Fact[]) {
    this.widen([{ width: 40 }, { width: 60 }]);
    this.header(["Rubrique", "Valeur"]);
    for (const fact of facts) {
      const row = this.sheet.addRow([fact.label, cellValue(fact.kind, fact.value)]);
      const format = FORMATS[fact.kind];
      if (format) row.getCell(2).numFmt = format;
      row.alignment = { vertical: "top", wrapText: true };
    }
    this.sheet.addRow([]);
  }

  table({ columns, rows, total }: Pick<Table, "columns" | "rows" | "total">) {
    this.widen(columns);
    const header = this.header(columns.map((column) => column.header));
    for (const cells of rows) this.typedRow(columns, cells);
    if (total) this.typedRow(columns, total, true);
    this.sheet.autoFilter = { from: { row: header.number, column: 1 }, to: { row: header.number, column: columns.length } };
  }
}

export async function reportWorkbook(report: EvaluationReport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "OpenCLS";
  workbook.title = report.title;
  workbook.created = new Date();
  const add = (name: string) => new SheetWriter(workbook.addWorksheet(sheetName(name)));

  add("Rapport").facts([{ label: report.cover.kicker, kind: "text", value: report.cover.title }, ...report.cover.facts]);

  // Tables of the records (a fiche's criteria, its partners' contributions), one sheet per caption.
  const gathered = new Map<string, { columns: Column[]; rows: Cell[][] }>();
  const write = (writer: SheetWriter, block: Block) => {
    switch (block.kind) {
      case "paragraph":
        return writer.paragraph(block.label, block.text);
      case "facts":
        return writer.facts(block.facts);
      case "table":
        return writer.table(block.table);
      case "records": {
        const { key, columns, items } = block.records;
        writer.table({ columns, rows: items.map((item) => item.values) });
        for (const item of items)
          for (const table of item.tables) {
            const entry = gathered.get(table.caption) ?? { columns: [key, ...table.columns], rows: [] };
            entry.rows.push(...table.rows.map((row) => [item.key, ...row]));
            gathered.set(table.caption, entry);
          }
      }
    }
  };
  for (const section of report.sections) {
    const writer = add(section.title);
    for (const block of section.blocks) write(writer, block);
  }
  for (const [caption, table] of gathered) add(caption).table(table);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
