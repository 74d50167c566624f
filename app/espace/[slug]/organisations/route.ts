// The organisation pickers' suggestions (JSON), for whoever may edit a fiche of the territory.
import { NextResponse, type NextRequest } from "next/server";
import { forSignedIn } from "@/lib/auth/route";
import { suggestOrganisations } from "@/lib/organisations/queries";
import { readListParams } from "@/lib/params/list-params";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string }> };

export async function GET(request: NextRequest, { params }: Context) {
  const { slug } = await params;
  return forSignedIn(request, { slug }, async (actor) => {
    const { q } = readListParams({ q: request.nextUrl.searchParams.getAll("q") });
    return NextResponse.json(await suggestOrganisations(actor, slug, q), { headers: { "Cache-Control": "private, no-store" } });
  });
}
