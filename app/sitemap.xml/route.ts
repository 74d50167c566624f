// The sitemap index (lib/sitemap): the same for every visitor, so it is read as an anonymous one,
// and kept like the public pages (its three counts read every published fiche).
import { ANONYMOUS } from "@/lib/authz";
import { keptPublicText } from "@/lib/public-pages/cache";
import { sitemapIndex } from "@/lib/sitemap/sitemap";
import { SITEMAP_HEADERS } from "@/lib/sitemap/xml";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  return new Response(await keptPublicText("/sitemap.xml", () => sitemapIndex(ANONYMOUS)), { headers: SITEMAP_HEADERS });
}
