// The contract as a printable PDF document, for whoever may read it in the workspace.
import { contractExportRoute } from "@/lib/contracts/download";
import { contractPdf } from "@/lib/contracts/pdf";

export const dynamic = "force-dynamic";

export const GET = contractExportRoute(contractPdf, "pdf");
