// The contract as of a signed amendment, as an Excel workbook, for whoever may read the contract in the workspace.
import { amendedContractRoute } from "@/lib/amendments/download";
import { reportWorkbook } from "@/lib/reports/xlsx";

export const dynamic = "force-dynamic";

export const GET = amendedContractRoute(reportWorkbook, "xlsx");
