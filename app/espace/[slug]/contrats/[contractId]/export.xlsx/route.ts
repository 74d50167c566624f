// The contract as an .xlsx workbook, for whoever may read it in the workspace.
import { contractExportRoute } from "@/lib/contracts/download";
import { contractWorkbook } from "@/lib/contracts/xlsx";

export const dynamic = "force-dynamic";

export const GET = contractExportRoute(contractWorkbook, "xlsx");
