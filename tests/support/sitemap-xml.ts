// Sitemaps as a strict XML parser reads them (it throws on anything not well-formed): the root
// element, its namespace, and each entry's <loc> and <lastmod>. For the sitemap's integration and
// end-to-end tests.
import { SaxesParser } from "saxes";

export type ParsedSitemap = { root: string; namespace: string; entries: Array<{ loc: string; lastmod?: string }> };

export function parseSitemapXml(xml: string): ParsedSitemap {
  const parser = new SaxesParser({ xmlns: true });
  const parsed: ParsedSitemap = { root: "", namespace: "", entries: [] };
  let field: "loc" | "lastmod" | null = null;
  parser.on("opentag", (tag) => {
    if (!parsed.root) [parsed.root, parsed.namespace] = [tag.local, tag.uri];
    if (tag.local === "url" || tag.local === "sitemap") parsed.entries.push({ loc: "" });
    field = tag.local === "loc" || tag.local === "lastmod" ? tag.local : null;
  });
  parser.on("text", (text) => {
    if (field) parsed.entries.at(-1)![field] = text;
  });
  parser.on("closetag", () => (field = null));
  parser.write(xml).close();
  return parsed;
}
