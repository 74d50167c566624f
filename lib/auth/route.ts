// Route handlers of the workspace: signed-out visitors are sent to the sign-in page; a refusal
// or an unknown record is a 404, as for pages.
import { NextResponse, type NextRequest } from "next/server";
import { NotFoundError, type Actor } from "@/lib/authz";
import { checkRouteParams, type RouteParams } from "@/lib/params/route-params";
import { currentActor } from "./session";

/** Answers for the signed-in actor, once the route's params are known to be well formed (else 404, like an unknown record). */
export async function forSignedIn(
  request: NextRequest,
  params: RouteParams,
  respond: (actor: Actor) => Promise<NextResponse>,
): Promise<NextResponse> {
  const actor = await currentActor();
  if (!actor.userId)
    return NextResponse.redirect(new URL(`/connexion?callbackUrl=${encodeURIComponent(request.nextUrl.pathname)}`, request.url), 307);
  try {
    checkRouteParams(params);
    return await respond(actor);
  } catch (error) {
    if (error instanceof NotFoundError) return new NextResponse("Introuvable", { status: 404 });
    throw error;
  }
}

const CONTENT_TYPES = {
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  pdf: "application/pdf",
} as const;

/** A file to download (.xlsx, .docx or .pdf), never cached: it holds workspace data. Its length lets a client show progress. */
export function fileDownload(content: Buffer, filename: `${string}.${keyof typeof CONTENT_TYPES}`): NextResponse {
  const extension = filename.split(".").at(-1) as keyof typeof CONTENT_TYPES;
  return new NextResponse(new Uint8Array(content), {
    headers: {
      "Content-Type": CONTENT_TYPES[extension],
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Content-Length": String(content.length),
      "Cache-Control": "private, no-store",
    },
  });
}
