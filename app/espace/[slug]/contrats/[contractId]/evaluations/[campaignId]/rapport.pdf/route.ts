// A campaign's evaluation report as a printable PDF document, for whoever may read the contract in the workspace.
import { reportPdf } from "@/lib/reports/pdf";
import { evaluationReportRoute } from "@/lib/reports/download";

export const dynamic = "force-dynamic";

export const GET = evaluationReportRoute(reportPdf, "pdf");
