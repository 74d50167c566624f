// Route handlers that download an evaluation report in one format, for whoever may read the
// contract in the workspace; a refusal, another territory's contract or another contract's
// campaign is a 404 (lib/auth/route.ts).
import type { NextRequest } from "next/server";
import { fileDownload, forSignedIn } from "@/lib/auth/route";
import type { EvaluationReport } from "./model";
import { getEvaluationReport } from "./queries";

type Context = { params: Promise<{ slug: string; contractId: string; campaignId: string }> };

/** A GET handler answering the campaign's report rendered by `render` as a `.<extension>` file. */
export function evaluationReportRoute(render: (report: EvaluationReport) => Promise<Buffer>, extension: "pdf" | "docx" | "xlsx") {
  return async function GET(request: NextRequest, { params }: Context) {
    const { slug, contractId, campaignId } = await params;
    return forSignedIn(request, { slug, contractId, campaignId }, async (actor) => {
      const report = await getEvaluationReport(actor, slug, contractId, campaignId, new Date());
      return fileDownload(await render(report), `${report.fileName}.${extension}`);
    });
  };
}
