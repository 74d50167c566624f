// One file of the sitemap (lib/sitemap), streamed as it is read; a file the index does not list is a 404.
import { ANONYMOUS } from "@/lib/authz";
import { readSitemapFileName } from "@/lib/sitemap/paths";
import { sitemapFile } from "@/lib/sitemap/sitemap";
import { SITEMAP_HEADERS, textStream } from "@/lib/sitemap/xml";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ file: string }> };

export async function GET(_request: Request, { params }: Context): Promise<Response> {
  const number = readSitemapFileName((await params).file);
  const file = number === null ? null : await sitemapFile(ANONYMOUS, number);
  if (!file) return new Response("Introuvable", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(textStream(file), { headers: SITEMAP_HEADERS });
}
