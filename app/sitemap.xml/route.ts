// The sitemap index (lib/sitemap): the same for every visitor, so it is read as an anonymous one.
import { ANONYMOUS } from "@/lib/authz";
import { sitemapIndex } from "@/lib/sitemap/sitemap";
import { SITEMAP_HEADERS } from "@/lib/sitemap/xml";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  return new Response(await sitemapIndex(ANONYMOUS), { headers: SITEMAP_HEADERS });
}
