// The contract as an Excel workbook that opens cleanly in French Excel: real dates and
// numbers with formats (Excel shows them with French separators), frozen header rows,
// one sheet per table.
import ExcelJS from "exceljs";
import { CELL_FORMATS, exportColumns, factRows, orderedFields, type ExportColumn } from "@/lib/catalogue";
import { FICHE_FIELDS, OBJECTIVE_FIELDS } from "@/lib/fiches/schema";
import { judgementLabel } from "@/lib/indicators/labels";
import { INDICATOR_FIELDS } from "@/lib/indicators/schema";
import { judgementOf } from "@/lib/indicators/trajectory";
import { axisLabel } from "./labels";
import type { ContractExport } from "./export-query";
import { axisProgress, contractProgress } from "./progress";
import { CONTRACT_FIELDS } from "./schema";

const { date: DATE, percent: PERCENT, decimal: DECIMAL } = CELL_FORMATS;

/** The fiches' columns: those the export has always had first, then every other field of the catalogue, in the form's order. */
const FICHE_EXPORT_FIELDS = orderedFields(FICHE_FIELDS, [
  "axisId",
  "number",
  "title",
  "status",
  "progress",
  "pilotOrganisationId",
  "partners",
  "startsOn",
  "endsOn",
  "budgetLines",
  "themes",
]);

type Column = { header: string; key: string; width: number; numFmt?: string };

function sheet(workbook: ExcelJS.Workbook, name: string, columns: Column[], rows: Array<Record<string, unknown>>) {
  const worksheet = workbook.addWorksheet(name, { views: [{ state: "frozen", ySplit: 1 }] });
  worksheet.columns = columns.map(({ header, key, width, numFmt }) => ({ header, key, width, style: numFmt ? { numFmt } : {} }));
  worksheet.getRow(1).font = { bold: true };
  worksheet.getRow(1).alignment = { vertical: "middle", wrapText: true };
  for (const row of rows) worksheet.addRow(row).alignment = { vertical: "top", wrapText: true };
  worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  return worksheet;
}

/** A sheet of one row per record and one column per export column. */
function columnsSheet<Row>(workbook: ExcelJS.Workbook, name: string, columns: ReadonlyArray<ExportColumn<Row>>, rows: readonly Row[]) {
  return sheet(
    workbook,
    name,
    columns.map(({ header, width = 16, numFmt }, index) => ({ header, key: `c${index}`, width, numFmt })),
    rows.map((row) => Object.fromEntries(columns.map((column, index) => [`c${index}`, column.value(row)]))),
  );
}

/** A column of a part of the row (an indicator of the row { fiche, indicator }). */
const of = <Row, Part>(part: (row: Row) => Part, column: ExportColumn<Part>): ExportColumn<Row> => ({
  ...column,
  value: (row) => column.value(part(row)),
});

type ExportedFiche = ContractExport["axes"][number]["fiches"][number];
type IndicatorRow = { fiche: ExportedFiche; indicator: ExportedFiche["indicators"][number] };

type ObjectiveRow = { fiche: ExportedFiche; objective: ExportedFiche["objectives"][number]; number: number };
const OBJECTIVE_EXPORT_FIELDS = orderedFields(OBJECTIVE_FIELDS, ["title", "dueOn", "status", "progress", "commitments"]);

const INDICATOR_LEADING = ["name", "level", "unit", "baselineValue", "baselineOn", "targetValue", "targetOn"];
const INDICATOR_EXPORT_FIELDS = orderedFields(INDICATOR_FIELDS, INDICATOR_LEADING);

const percent = (value: number | null) => (value === null ? null : value / 100);
const decimal = (value: { toString(): string } | null | undefined) =>
  value === null || value === undefined ? null : Number(value.toString());

export async function contractWorkbook(contract: ContractExport): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "OpenCLS";
  workbook.created = new Date();
  const fiches = contract.axes.flatMap((axis) => axis.fiches.map((fiche) => ({ axis, fiche })));

  const facts = sheet(
    workbook,
    "Contrat",
    [
      { header: "Rubrique", key: "label", width: 32 },
      { header: "Valeur", key: "value", width: 80 },
    ],
    [
      { label: "Territoire", value: `${contract.territory.name} (${contract.territory.region.name})` },
      ...factRows(CONTRACT_FIELDS, contract),
      { label: "Avancement du contrat", value: percent(contractProgress(contract.axes)) },
    ],
  );
  facts.eachRow((row) => {
    const value = row.getCell(2);
    if (value.value instanceof Date) value.numFmt = DATE;
    if (row.getCell(1).value === "Avancement du contrat") value.numFmt = PERCENT;
  });

  sheet(
    workbook,
    "Signataires et partenaires",
    [
      { header: "Organisation", key: "name", width: 48 },
      { header: "Qualité", key: "kind", width: 16 },
      { header: "Signé le", key: "signedOn", width: 14, numFmt: DATE },
      { header: "Signataire", key: "signer", width: 36 },
      { header: "Délibération", key: "deliberation", width: 24 },
      { header: "Rôle", key: "role", width: 36 },
    ],
    [
      ...contract.signatories.map((signatory) => ({
        name: signatory.organisation.name,
        kind: "Signataire",
        signedOn: signatory.signedOn,
        signer: [signatory.signerName, signatory.signerTitle].filter(Boolean).join(", ") || null,
        deliberation: signatory.deliberationReference,
      })),
      ...contract.partners.map((partner) => ({ name: partner.organisation.name, kind: "Partenaire", role: partner.role })),
    ],
  );

  // One row per fiche, one column per field of the catalogue (those it has always had first).
  columnsSheet(
    workbook,
    "Axes et fiches",
    exportColumns(FICHE_EXPORT_FIELDS),
    fiches.map(({ fiche }) => fiche),
  );

  sheet(
    workbook,
    "Avancement par axe",
    [
      { header: "Axe", key: "axis", width: 16 },
      { header: "Intitulé", key: "title", width: 50 },
      { header: "Fiches", key: "count", width: 10 },
      { header: "Avancement", key: "progress", width: 13, numFmt: PERCENT },
    ],
    contract.axes.map((axis) => ({
      axis: axisLabel(axis),
      title: axis.title,
      count: axis.fiches.length,
      progress: percent(axisProgress(axis)),
    })),
  );

  // One row per objective: its catalogue's columns, those the export has always had first.
  columnsSheet<ObjectiveRow>(
    workbook,
    "Objectifs",
    [
      { header: "Fiche n°", width: 10, value: (row) => row.fiche.number },
      { header: "Objectif n°", width: 12, value: (row) => row.number },
      ...exportColumns(OBJECTIVE_EXPORT_FIELDS).map((column) => of((row: ObjectiveRow) => row.objective, column)),
    ],
    fiches.flatMap(({ fiche }) => fiche.objectives.map((objective, index) => ({ fiche, objective, number: index + 1 }))),
  );

  // One row per indicator: its catalogue's columns (those the export has always had first), where it stands, then the others.
  const [indicatorLeading, indicatorRest] = [
    INDICATOR_EXPORT_FIELDS.slice(0, INDICATOR_LEADING.length),
    INDICATOR_EXPORT_FIELDS.slice(INDICATOR_LEADING.length),
  ].map((fields) => exportColumns(fields).map((column) => of((row: IndicatorRow) => row.indicator, column)));
  columnsSheet<IndicatorRow>(
    workbook,
    "Indicateurs",
    [
      { header: "Fiche n°", width: 10, value: (row) => row.fiche.number },
      ...indicatorLeading,
      { header: "Dernière valeur", width: 16, numFmt: DECIMAL, value: (row) => decimal(row.indicator.measurements[0]?.value) },
      { header: "Mesurée le", width: 14, numFmt: DATE, value: (row) => row.indicator.measurements[0]?.measuredOn ?? null },
      { header: "Situation", width: 40, value: (row) => judgementLabel(judgementOf(row.indicator, new Date())) },
      ...indicatorRest,
    ],
    fiches.flatMap(({ fiche }) => fiche.indicators.map((indicator) => ({ fiche, indicator }))),
  );

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
