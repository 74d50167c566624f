// The route handlers of the platform administration's scope pickers (JSON suggestions).
import { NextResponse, type NextRequest } from "next/server";
import { forSignedIn } from "@/lib/auth/route";
import { readListParams } from "@/lib/params/list-params";
import { suggestScopes, type ScopeKind } from "./queries";

/** GET ?q=: the territories or organisations an invitation's scope picker suggests. */
export function scopeSuggestionsRoute(kind: ScopeKind) {
  return (request: NextRequest) =>
    forSignedIn(request, {}, async (actor) => {
      const { q } = readListParams({ q: request.nextUrl.searchParams.getAll("q") });
      return NextResponse.json(await suggestScopes(actor, kind, q), { headers: { "Cache-Control": "private, no-store" } });
    });
}
