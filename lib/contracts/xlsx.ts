// The contract as an Excel workbook that opens cleanly in French Excel: real dates and
// numbers with formats (Excel shows them with French separators), frozen header rows,
// one sheet per table.
import ExcelJS from "exceljs";
import { CELL_FORMATS, factRows, orderedFields } from "@/lib/catalogue";
import { PROGRESS_STATUS_LABELS } from "@/lib/fiches/labels";
import { FICHE_FIELDS } from "@/lib/fiches/schema";
import { INDICATOR_LEVEL_LABELS, STANDING_LABELS } from "@/lib/indicators/labels";
import { standingOf } from "@/lib/indicators/trajectory";
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
  const ficheColumns = FICHE_EXPORT_FIELDS.flatMap((field) => (Array.isArray(field.xlsx) ? field.xlsx : []));
  sheet(
    workbook,
    "Axes et fiches",
    ficheColumns.map(({ header, width, numFmt }, index) => ({ header, key: `c${index}`, width, numFmt })),
    fiches.map(({ fiche }) => Object.fromEntries(ficheColumns.map((column, index) => [`c${index}`, column.value(fiche)]))),
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

  sheet(
    workbook,
    "Objectifs",
    [
      { header: "Fiche n°", key: "fiche", width: 10 },
      { header: "Objectif n°", key: "number", width: 12 },
      { header: "Objectif opérationnel", key: "title", width: 50 },
      { header: "Échéance", key: "dueOn", width: 13, numFmt: DATE },
      { header: "Statut", key: "status", width: 16 },
      { header: "Avancement", key: "progress", width: 13, numFmt: PERCENT },
      { header: "Engagements des partenaires", key: "commitments", width: 70 },
    ],
    fiches.flatMap(({ fiche }) =>
      fiche.objectives.map((objective, index) => ({
        fiche: fiche.number,
        number: index + 1,
        title: objective.title,
        dueOn: objective.dueOn,
        status: PROGRESS_STATUS_LABELS[objective.status],
        progress: percent(objective.progress),
        commitments:
          objective.commitments.map((commitment) => `${commitment.organisation.name}\u00a0: ${commitment.description}`).join("\n") || null,
      })),
    ),
  );

  sheet(
    workbook,
    "Indicateurs",
    [
      { header: "Fiche n°", key: "fiche", width: 10 },
      { header: "Indicateur", key: "name", width: 44 },
      { header: "Type", key: "level", width: 12 },
      { header: "Unité", key: "unit", width: 14 },
      { header: "Valeur de départ", key: "baseline", width: 16, numFmt: DECIMAL },
      { header: "Date de départ", key: "baselineOn", width: 14, numFmt: DATE },
      { header: "Cible", key: "target", width: 12, numFmt: DECIMAL },
      { header: "Date de la cible", key: "targetOn", width: 14, numFmt: DATE },
      { header: "Dernière valeur", key: "latest", width: 16, numFmt: DECIMAL },
      { header: "Mesurée le", key: "latestOn", width: 14, numFmt: DATE },
      { header: "Situation", key: "standing", width: 22 },
    ],
    fiches.flatMap(({ fiche }) =>
      fiche.indicators.map((indicator) => {
        const latest = indicator.measurements[0];
        const baseline = decimal(indicator.baselineValue);
        const target = decimal(indicator.targetValue);
        return {
          fiche: fiche.number,
          name: indicator.name,
          level: INDICATOR_LEVEL_LABELS[indicator.level],
          unit: indicator.unit,
          baseline,
          baselineOn: indicator.baselineOn,
          target,
          targetOn: indicator.targetOn,
          latest: decimal(latest?.value),
          latestOn: latest?.measuredOn ?? null,
          standing: STANDING_LABELS[standingOf(indicator)],
        };
      }),
    ),
  );

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
