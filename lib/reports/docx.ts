// An evaluation report (./model.ts) as an editable Word document (docx): Word's own heading
// styles (Titre 1, Titre 2), so the navigation pane and a table of contents work, real tables
// with repeated header rows, French proofing language, numbered pages. It opens in Word and
// LibreOffice alike: a report is always reworked before the COPIL.
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table as WordTable,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { cellText, recordEntries, type Block, type Column, type EvaluationReport, type Fact, type Table } from "./model";

const BRAND = "145866";
const MUTED = "475569";
const HEADER_FILL = "E2EEF0";

/** A paragraph of text, its line breaks kept. */
const lines = (value: string, options: { bold?: boolean; color?: string; size?: number } = {}) =>
  value.split(/\r?\n/).map((line, index) => new TextRun({ text: line, break: index ? 1 : undefined, ...options }));

const paragraph = (value: string, options: { bold?: boolean; color?: string; size?: number } = {}) =>
  new Paragraph({ children: lines(value, options), spacing: { after: 120 } });

const facts = (rows: readonly Fact[]) =>
  rows.map(
    (fact) =>
      new Paragraph({
        spacing: { after: 40 },
        children: [new TextRun({ text: `${fact.label}\u00a0: `, bold: true, color: MUTED }), new TextRun(cellText(fact.kind, fact.value))],
      }),
  );

/** A cell's paragraph style: numbers align right. */
const styleOf = (column: Column) => (column.kind === "text" || column.kind === "date" ? "TableText" : "TableNumber");
/** The text's width on an A4 page with Word's default margins, in twentieths of a point. */
const TEXT_WIDTH = 11906 - 2 * 1440;

function table({ caption, columns, rows, total }: Table) {
  const label = paragraph(caption, { bold: true, color: MUTED });
  if (!rows.length) return [label, paragraph("Aucune donnée pour cette campagne.")];
  const sum = columns.reduce((acc, column) => acc + column.width, 0);
  // The grid gives the widths (a cell of its own would repeat them): thousands of cells make a long report.
  const columnWidths = columns.map((column) => Math.round((column.width / sum) * TEXT_WIDTH));
  const cell = (value: string, column: Column, { header = false, bold = false } = {}) =>
    new TableCell({
      shading: header ? { type: ShadingType.CLEAR, fill: HEADER_FILL, color: "auto" } : undefined,
      children: [new Paragraph({ style: header ? "TableHeader" : styleOf(column), children: lines(value, bold ? { bold } : {}) })],
    });
  const body = [...rows.map((cells) => ({ cells, bold: false })), ...(total ? [{ cells: total, bold: true }] : [])];
  return [
    label,
    new WordTable({
      width: { size: 100, type: WidthType.PERCENTAGE },
      columnWidths,
      rows: [
        new TableRow({ tableHeader: true, children: columns.map((column) => cell(column.header, column, { header: true })) }),
        ...body.map(
          (row) =>
            new TableRow({
              cantSplit: true,
              children: row.cells.map((value, index) => cell(cellText(columns[index].kind, value), columns[index], { bold: row.bold })),
            }),
        ),
      ],
    }),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
  ];
}

function block(item: Block): Array<Paragraph | WordTable> {
  switch (item.kind) {
    case "paragraph":
      return [...(item.label ? [paragraph(item.label, { bold: true, color: MUTED })] : []), paragraph(item.text)];
    case "facts":
      return facts(item.facts);
    case "table":
      return table(item.table);
    case "records": {
      const { columns, items } = item.records;
      return items.flatMap((record) => {
        const entries = recordEntries(columns, record.values);
        return [
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(record.heading)] }),
          ...facts(entries.facts),
          ...record.tables.flatMap(table),
          ...entries.paragraphs.flatMap((entry) => [paragraph(entry.label, { bold: true, color: MUTED }), paragraph(entry.text)]),
        ];
      });
    }
  }
}

export async function reportDocx(report: EvaluationReport): Promise<Buffer> {
  const document = new Document({
    creator: "OpenCLS",
    title: report.title,
    description: report.cover.status,
    styles: {
      default: {
        document: { run: { font: "Calibri", size: 21, language: { value: "fr-FR" } } },
        heading1: { run: { color: BRAND, size: 32, bold: true }, paragraph: { spacing: { before: 240, after: 160 } } },
        heading2: { run: { color: BRAND, size: 26, bold: true }, paragraph: { spacing: { before: 240, after: 120 }, keepNext: true } },
        title: { run: { color: BRAND, size: 48, bold: true } },
      },
      // Table cells' own styles, so that their text carries no formatting of its own.
      paragraphStyles: [
        { id: "TableText", name: "Texte de tableau", basedOn: "Normal", run: { size: 18 } },
        { id: "TableNumber", name: "Nombre de tableau", basedOn: "TableText", paragraph: { alignment: AlignmentType.RIGHT } },
        { id: "TableHeader", name: "En-tête de tableau", basedOn: "TableText", run: { bold: true } },
      ],
    },
    sections: [
      {
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ text: `${report.footer} · page `, size: 16, color: MUTED }),
                  new TextRun({ children: [PageNumber.CURRENT], size: 16, color: MUTED }),
                  new TextRun({ text: " sur ", size: 16, color: MUTED }),
                  new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16, color: MUTED }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            spacing: { before: 2400, after: 120 },
            children: [new TextRun({ text: report.cover.kicker.toUpperCase(), color: MUTED, size: 24 })],
          }),
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(report.cover.title)] }),
          paragraph(report.cover.subtitle, { size: 28 }),
          paragraph(report.cover.status, { bold: true, color: MUTED }),
          ...facts(report.cover.facts),
          ...report.sections.flatMap((section) => [
            new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(section.title)] }),
            ...section.blocks.flatMap(block),
          ]),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}
