// A document's file, for whoever reads the contract in the workspace (public or not).
import type { NextRequest } from "next/server";
import { forSignedIn } from "@/lib/auth/route";
import { documentFileResponse } from "@/lib/documents/download";
import { getWorkspaceDocumentFile } from "@/lib/documents/queries";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string; contractId: string; documentId: string }> };

export async function GET(request: NextRequest, { params }: Context) {
  const { slug, contractId, documentId } = await params;
  return forSignedIn(request, { slug, contractId, documentId }, async (actor) =>
    documentFileResponse(request, await getWorkspaceDocumentFile(actor, slug, contractId, documentId)),
  );
}
