// A campaign's evaluation report as an editable Word document, for whoever may read the contract in the workspace.
import { reportDocx } from "@/lib/reports/docx";
import { evaluationReportRoute } from "@/lib/reports/download";

export const dynamic = "force-dynamic";

export const GET = evaluationReportRoute(reportDocx, "docx");
