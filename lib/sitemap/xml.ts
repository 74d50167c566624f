// The Sitemaps protocol's XML (https://www.sitemaps.org/protocol.html): a sitemap index, and the
// <url> entries of a sitemap file written piece by piece, so that a file of 45,000 URLs is
// streamed rather than built whole.

export const SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';

export type SitemapEntry = { url: string; lastModified?: Date };

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" };
const escapeXml = (text: string) => text.replace(/[&<>"']/g, (character) => ESCAPES[character]);

const lastmod = (date: Date | undefined) => (date ? `<lastmod>${date.toISOString()}</lastmod>` : "");

/** A sitemap index listing these sitemap files' absolute URLs. */
export function sitemapIndexXml(fileUrls: readonly string[]): string {
  const entries = fileUrls.map((url) => `<sitemap><loc>${escapeXml(url)}</loc></sitemap>\n`).join("");
  return `${XML_DECLARATION}<sitemapindex xmlns="${SITEMAP_NAMESPACE}">\n${entries}</sitemapindex>\n`;
}

/** A sitemap file as pieces of text: its opening, one piece per group of entries, its closing. */
export async function* sitemapFileXml(groups: AsyncIterable<readonly SitemapEntry[]>): AsyncGenerator<string> {
  yield `${XML_DECLARATION}<urlset xmlns="${SITEMAP_NAMESPACE}">\n`;
  for await (const entries of groups)
    yield entries.map((entry) => `<url><loc>${escapeXml(entry.url)}</loc>${lastmod(entry.lastModified)}</url>\n`).join("");
  yield "</urlset>\n";
}

/** Pieces of text as a response body, read from `pieces` as the client takes them. */
export function textStream(pieces: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const iterator = pieces[Symbol.asyncIterator]();
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
}

/** Sitemaps are public and change with each publication: shared caches may keep one for ten minutes. */
export const SITEMAP_HEADERS = { "Content-Type": "application/xml; charset=utf-8", "Cache-Control": "public, max-age=600" };
