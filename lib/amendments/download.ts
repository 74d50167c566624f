// Route handlers that download the contract as of one signed amendment, for whoever may read the
// contract in the workspace; a refusal, another territory's contract or a draft is a 404
// (lib/auth/route.ts).
import type { NextRequest } from "next/server";
import { fileDownload, forSignedIn } from "@/lib/auth/route";
import type { EvaluationReport } from "@/lib/reports/model";
import { buildAmendedContractDocument } from "./document";
import { getAmendedContract } from "./queries";

type Context = { params: Promise<{ slug: string; contractId: string; amendmentId: string }> };

/** A GET handler answering the amended contract rendered by `render` as a `.<extension>` file. */
export function amendedContractRoute(render: (document: EvaluationReport) => Promise<Buffer>, extension: "pdf" | "xlsx") {
  return async function GET(request: NextRequest, { params }: Context) {
    const { slug, contractId, amendmentId } = await params;
    return forSignedIn(request, { slug, contractId, amendmentId }, async (actor) => {
      const document = buildAmendedContractDocument(await getAmendedContract(actor, slug, contractId, amendmentId));
      return fileDownload(await render(document), `${document.fileName}.${extension}`);
    });
  };
}
