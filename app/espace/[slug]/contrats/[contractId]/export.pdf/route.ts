// The contract as a printable PDF document, for whoever may read it in the workspace.
import { NextResponse, type NextRequest } from "next/server";
import { forSignedIn } from "@/lib/auth/route";
import { findContractExport } from "@/lib/contracts/export-query";
import { contractPdf } from "@/lib/contracts/pdf";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string; contractId: string }> };

export async function GET(request: NextRequest, { params }: Context) {
  const { slug, contractId } = await params;
  return forSignedIn(request, async (actor) => {
    const contract = await findContractExport(actor, slug, contractId);
    return new NextResponse(new Uint8Array(await contractPdf(contract)), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="cls-${contract.territory.slug}-${contract.generation}.pdf"`,
        "Cache-Control": "private, no-store",
      },
    });
  });
}
