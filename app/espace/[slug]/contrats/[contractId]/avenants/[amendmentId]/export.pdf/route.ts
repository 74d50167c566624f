// The contract as of a signed amendment, as a printable PDF document, for whoever may read the contract in the workspace.
import { amendedContractRoute } from "@/lib/amendments/download";
import { reportPdf } from "@/lib/reports/pdf";

export const dynamic = "force-dynamic";

export const GET = amendedContractRoute(reportPdf, "pdf");
