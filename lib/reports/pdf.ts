// An evaluation report (./model.ts) as a printable PDF (pdfkit): a cover, then one chapter per
// section with bookmarks, tables that repeat their header across pages, numbered pages. The
// standard Helvetica fonts encode WinAnsi, which holds French letters, guillemets and the euro
// sign (as lib/contracts/pdf.ts); the narrow no-break space becomes a no-break space.
import PDFDocument from "pdfkit";
import { cellText, recordEntries, type Block, type Column, type EvaluationReport, type Fact, type Table } from "./model";

const MARGIN = 48;
const BRAND = "#145866";
const MUTED = "#475569";
const RULE = "#cbd5e1";
const HEADER_FILL = "#e2eef0";
const CELL_PADDING = 3;

const winAnsi = (text: string) => text.replace(/\u202f/g, "\u00a0");

export async function reportPdf(report: EvaluationReport, { compress = true } = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: MARGIN,
    bufferPages: true,
    compress,
    info: { Title: report.title, Author: report.cover.subtitle, Creator: "OpenCLS" },
    lang: "fr-FR",
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on("end", () => resolve(Buffer.concat(chunks))));

  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - MARGIN - 16;
  const text = (value: string, options: PDFKit.Mixins.TextOptions = {}) => doc.text(winAnsi(value), options);
  const ensure = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };
  const heading = (value: string, size: number) => {
    ensure(size * 4);
    doc.moveDown(0.6).font("Helvetica-Bold").fontSize(size).fillColor(BRAND);
    text(value, { width });
    doc.font("Helvetica").fontSize(10).fillColor("black").moveDown(0.3);
  };
  const label = (value: string) => {
    ensure(30);
    doc.font("Helvetica-Bold").fontSize(10).fillColor(MUTED);
    text(value, { width });
    doc.font("Helvetica").fillColor("black");
  };
  const facts = (rows: readonly Fact[]) => {
    for (const fact of rows) {
      ensure(14);
      doc.font("Helvetica-Bold").fontSize(10).fillColor(MUTED);
      text(`${fact.label}\u00a0: `, { continued: true, width });
      doc.font("Helvetica").fillColor("black");
      text(cellText(fact.kind, fact.value));
    }
    doc.moveDown(0.4);
  };

  const table = ({ caption, columns, rows, total }: Table) => {
    const scale = width / columns.reduce((sum, column) => sum + column.width, 0);
    const widths = columns.map((column) => column.width * scale);
    const align = (column: Column) => (column.kind === "text" || column.kind === "date" ? "left" : "right");
    const rowHeight = (cells: string[], bold: boolean) => {
      doc.font(bold ? "Helvetica-Bold" : "Helvetica").fontSize(8);
      return (
        Math.max(...cells.map((cell, index) => doc.heightOfString(winAnsi(cell), { width: widths[index] - 2 * CELL_PADDING }))) +
        2 * CELL_PADDING
      );
    };
    const drawRow = (cells: string[], height: number, { bold = false, fill }: { bold?: boolean; fill?: string } = {}) => {
      const top = doc.y;
      if (fill) doc.rect(MARGIN, top, width, height).fill(fill);
      let x = MARGIN;
      doc
        .font(bold ? "Helvetica-Bold" : "Helvetica")
        .fontSize(8)
        .fillColor("black");
      cells.forEach((cell, index) => {
        doc.text(winAnsi(cell), x + CELL_PADDING, top + CELL_PADDING, {
          width: widths[index] - 2 * CELL_PADDING,
          align: fill ? "left" : align(columns[index]),
        });
        x += widths[index];
      });
      doc
        .moveTo(MARGIN, top + height)
        .lineTo(MARGIN + width, top + height)
        .lineWidth(0.5)
        .strokeColor(RULE)
        .stroke();
      doc.x = MARGIN;
      doc.y = top + height;
    };
    const headers = columns.map((column) => column.header);
    const headerHeight = rowHeight(headers, true);
    const header = () => drawRow(headers, headerHeight, { bold: true, fill: HEADER_FILL });
    // The caption never stands alone at the foot of a page: its header and a first row come with it.
    ensure(headerHeight + 50);
    label(caption);
    if (!rows.length) {
      text("Aucune donnée pour cette campagne.", { width });
      doc.moveDown(0.5);
      return;
    }
    header();
    for (const row of [...rows.map((cells) => ({ cells, bold: false })), ...(total ? [{ cells: total, bold: true }] : [])]) {
      const cells = row.cells.map((cell, index) => cellText(columns[index].kind, cell));
      const height = rowHeight(cells, row.bold);
      if (doc.y + height > bottom()) {
        doc.addPage();
        header();
      }
      drawRow(cells, height, { bold: row.bold });
    }
    doc.font("Helvetica").fontSize(10).moveDown(0.8);
  };

  const block = (item: Block) => {
    switch (item.kind) {
      case "paragraph":
        if (item.label) label(item.label);
        text(item.text, { width });
        doc.moveDown(0.5);
        return;
      case "facts":
        return facts(item.facts);
      case "table":
        return table(item.table);
      case "records":
        for (const record of item.records.items) {
          heading(record.heading, 12);
          const entries = recordEntries(item.records.columns, record.values);
          facts(entries.facts);
          record.tables.forEach(table);
          for (const entry of entries.paragraphs) {
            label(entry.label);
            text(entry.text, { width });
            doc.moveDown(0.4);
          }
        }
    }
  };

  // Cover.
  doc.moveDown(6).font("Helvetica").fontSize(12).fillColor(MUTED);
  text(report.cover.kicker.toUpperCase(), { width });
  doc.moveDown(0.4).font("Helvetica-Bold").fontSize(24).fillColor(BRAND);
  text(report.cover.title, { width });
  doc.moveDown(0.3).font("Helvetica").fontSize(14).fillColor("black");
  text(report.cover.subtitle, { width });
  doc.moveDown(1).font("Helvetica-Bold").fontSize(11).fillColor(MUTED);
  text(report.cover.status, { width });
  doc.moveDown(2);
  facts(report.cover.facts);

  for (const section of report.sections) {
    doc.addPage();
    doc.outline.addItem(winAnsi(section.title));
    heading(section.title, 18);
    section.blocks.forEach(block);
  }

  // Footer on every page but the cover: the report and the page number.
  const range = doc.bufferedPageRange();
  for (let index = range.start + 1; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font("Helvetica").fontSize(8).fillColor(MUTED);
    doc.text(winAnsi(`${report.footer} · page ${index + 1} sur ${range.count}`), MARGIN, doc.page.height - 32, {
      width,
      align: "center",
      lineBreak: false,
    });
    doc.page.margins.bottom = margin;
  }
  doc.end();
  return done;
}
