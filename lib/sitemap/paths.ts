// Where the sitemap lives: an index at the conventional /sitemap.xml, and numbered files it lists.

export const SITEMAP_INDEX_PATH = "/sitemap.xml";

/** The path of sitemap file `number` (1-based). */
export const sitemapFilePath = (number: number) => `/sitemaps/${number}.xml`;

/** The file number a `/sitemaps/[file]` segment names ("3.xml"), or null when it could name none. */
export function readSitemapFileName(segment: string): number | null {
  const number = /^([1-9]\d{0,5})\.xml$/.exec(segment)?.[1];
  return number ? Number(number) : null;
}
