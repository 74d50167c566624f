// The contract as a printable PDF document, for whoever may read it in the workspace.
import type { NextRequest } from "next/server";
import { fileDownload, forSignedIn } from "@/lib/auth/route";
import { getContractExport } from "@/lib/contracts/export-query";
import { contractPdf } from "@/lib/contracts/pdf";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string; contractId: string }> };

export async function GET(request: NextRequest, { params }: Context) {
  const { slug, contractId } = await params;
  return forSignedIn(request, { slug, contractId }, async (actor) => {
    const contract = await getContractExport(actor, slug, contractId);
    return fileDownload(await contractPdf(contract), `cls-${contract.territory.slug}-${contract.generation}.pdf`);
  });
}
