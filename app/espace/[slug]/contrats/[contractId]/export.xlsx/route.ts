// The contract as an .xlsx workbook, for whoever may read it in the workspace.
import { NextResponse, type NextRequest } from "next/server";
import { currentActor } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/authz";
import { findContractExport } from "@/lib/contracts/export-query";
import { contractWorkbook } from "@/lib/contracts/xlsx";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string; contractId: string }> };

export async function GET(request: NextRequest, { params }: Context) {
  const { slug, contractId } = await params;
  const actor = await currentActor();
  if (!actor.userId) return NextResponse.redirect(new URL(`/connexion?callbackUrl=${encodeURIComponent(request.nextUrl.pathname)}`, request.url), 307);
  try {
    const contract = await findContractExport(actor, slug, contractId);
    return new NextResponse(new Uint8Array(await contractWorkbook(contract)), {
      headers: {
        "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "Content-Disposition": `attachment; filename="cls-${contract.territory.slug}-${contract.generation}.xlsx"`,
        "Cache-Control": "private, no-store",
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) return new NextResponse("Introuvable", { status: 404 });
    throw error;
  }
}
