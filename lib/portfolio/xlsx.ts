// The portfolio's filtered list as an Excel workbook (exceljs, as the contract export): one row
// per contract, real dates with their format, each flag's label and its reason.
import ExcelJS from "exceljs";
import { CELL_FORMATS, type ExportColumn } from "@/lib/catalogue";
import { CONTRACT_STATUS_LABELS } from "@/lib/contracts/labels";
import { departmentsLabel, fichesByStatusLabel, ficheTotal, lastCampaignLabel } from "./labels";
import { PORTFOLIO_CAP, type Portfolio, type PortfolioRow } from "./queries";

const COLUMNS: ReadonlyArray<ExportColumn<PortfolioRow>> = [
  { header: "Territoire", width: 32, value: (row) => row.territory.name },
  { header: "Contrat", width: 40, value: (row) => row.title },
  { header: "Départements", width: 24, value: (row) => departmentsLabel(row.territory.departmentCodes) || null },
  { header: "Statut", width: 20, value: (row) => CONTRACT_STATUS_LABELS[row.status] },
  { header: "Signature", width: 12, numFmt: CELL_FORMATS.date, value: (row) => row.signedOn },
  { header: "Fin", width: 12, numFmt: CELL_FORMATS.date, value: (row) => row.endsOn },
  { header: "Mois restants", width: 10, value: (row) => row.monthsLeft },
  { header: "Avancement (%)", width: 10, value: (row) => row.progress },
  { header: "Fiches actions", width: 10, value: (row) => ficheTotal(row.fichesByStatus) },
  { header: "Fiches par statut", width: 32, value: (row) => fichesByStatusLabel(row.fichesByStatus) },
  { header: "Dernière évaluation", width: 32, value: (row) => lastCampaignLabel(row.lastCampaign) },
  { header: "Points de revue ouverts", width: 10, value: (row) => row.openReviewItems },
  { header: "Points d’attention", width: 32, value: (row) => row.flags.map((flag) => flag.label).join("\n") || null },
  { header: "Explications", width: 60, value: (row) => row.flags.map((flag) => `${flag.label} : ${flag.reason}`).join("\n") || null },
];

export async function portfolioWorkbook(portfolio: Portfolio): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "OpenCLS";
  const worksheet = workbook.addWorksheet("Portefeuille", { views: [{ state: "frozen", ySplit: 1 }] });
  worksheet.columns = COLUMNS.map(({ header, width, numFmt }, index) => ({
    header,
    key: `c${index}`,
    width,
    style: numFmt ? { numFmt } : {},
  }));
  worksheet.getRow(1).font = { bold: true };
  for (const row of portfolio.rows)
    worksheet.addRow(COLUMNS.map((column) => column.value(row))).alignment = { vertical: "top", wrapText: true };
  worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  // Beyond the portfolio's cap the list is cut: the file says so rather than pass for complete.
  if (portfolio.truncated)
    worksheet.addRow([`Liste limitée à ${PORTFOLIO_CAP} contrats : filtrez par département ou par statut pour exporter les autres.`]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
