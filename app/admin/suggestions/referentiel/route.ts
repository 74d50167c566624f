// Suggestions of the territory creation form's picker: places of the State's reference (platform admins).
import { NextResponse, type NextRequest } from "next/server";
import { forSignedIn } from "@/lib/auth/route";
import { suggestGeoEntries } from "@/lib/geo/queries";
import { readListParams } from "@/lib/params/list-params";

export const dynamic = "force-dynamic";

export function GET(request: NextRequest) {
  return forSignedIn(request, {}, async (actor) => {
    const { q } = readListParams({ q: request.nextUrl.searchParams.getAll("q") });
    return NextResponse.json(suggestGeoEntries(actor, q), { headers: { "Cache-Control": "private, no-store" } });
  });
}
