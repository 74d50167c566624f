// The fiche import template, for those who may import into this contract.
import { NextResponse, type NextRequest } from "next/server";
import { currentActor } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/authz";
import { importPage, importTemplate } from "@/lib/fiches/import";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string; contractId: string }> };

export async function GET(request: NextRequest, { params }: Context) {
  const { slug, contractId } = await params;
  const actor = await currentActor();
  if (!actor.userId) return NextResponse.redirect(new URL(`/connexion?callbackUrl=${encodeURIComponent(request.nextUrl.pathname)}`, request.url), 307);
  try {
    await importPage(actor, slug, contractId);
  } catch (error) {
    if (error instanceof NotFoundError) return new NextResponse("Introuvable", { status: 404 });
    throw error;
  }
  return new NextResponse(new Uint8Array(await importTemplate()), {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": 'attachment; filename="modele-import-fiches.xlsx"',
      "Cache-Control": "private, no-store",
    },
  });
}
