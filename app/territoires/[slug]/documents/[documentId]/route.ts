// A public document's file, for anyone: only a document marked public, of a published contract
// of this territory. Anything else, a private document included, is not found.
import { NextResponse, type NextRequest } from "next/server";
import { currentActor } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/authz";
import { documentFileResponse } from "@/lib/documents/download";
import { getPublicDocumentFile } from "@/lib/documents/queries";
import { checkRouteParams } from "@/lib/params/route-params";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string; documentId: string }> };

export async function GET(request: NextRequest, { params }: Context) {
  try {
    const { slug, documentId } = checkRouteParams(await params);
    return documentFileResponse(request, await getPublicDocumentFile(await currentActor(), slug, documentId));
  } catch (error) {
    if (error instanceof NotFoundError) return new NextResponse("Introuvable", { status: 404 });
    throw error;
  }
}
