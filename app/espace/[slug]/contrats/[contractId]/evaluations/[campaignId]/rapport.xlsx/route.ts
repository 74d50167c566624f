// A campaign's evaluation report as an Excel workbook, for whoever may read the contract in the workspace.
import { reportWorkbook } from "@/lib/reports/xlsx";
import { evaluationReportRoute } from "@/lib/reports/download";

export const dynamic = "force-dynamic";

export const GET = evaluationReportRoute(reportWorkbook, "xlsx");
