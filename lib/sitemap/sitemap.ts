// The sitemap: the public pages, then every territory page the public reads, the pages of their
// earlier contracts, then every public fiche page, split into files of fewer than 50,000 URLs (the
// protocol's limit) that an index lists. A file is read window by window (lib/params/keyset.ts) and streamed as it is read.
import { ACCESSIBILITY_STATEMENT } from "@/lib/accessibility/statement";
import type { Actor } from "@/lib/authz";
import { publicUrl } from "@/lib/http/public-url";
import { walkKeyset, type KeysetWindow } from "@/lib/params/keyset";
import { publicContractPath, publicFichePath, publicTerritoryPath } from "@/lib/publication/paths";
import { countPublicFichePages, listPublicFichePages } from "@/lib/publication/queries";
import {
  countPublicContractPages,
  countPublicTerritoryPages,
  listPublicContractPages,
  listPublicTerritoryPages,
} from "@/lib/territories/queries";
import { sitemapFilePath } from "./paths";
import { sitemapFileXml, sitemapIndexXml, type SitemapEntry } from "./xml";

/** URLs per sitemap file: under the protocol's 50,000, with room to spare. */
export const SITEMAP_CHUNK_SIZE = 45_000;
/** Rows per query while a file is read. */
export const SITEMAP_BATCH_SIZE = 5_000;

export type SitemapOptions = {
  /** URLs per file (tests split a small dataset with a small one). */
  chunkSize?: number;
  batchSize?: number;
  env?: Record<string, string | undefined>;
};

type Page = { path: string; lastModified?: Date };

/**
 * The public pages that are not records. Only the accessibility statement says when it changed:
 * the home page, search and open data change with every publication, and the privacy notice with
 * the software's version.
 */
const STATIC_PAGES: readonly Page[] = [
  { path: "/" },
  { path: "/recherche" },
  { path: "/donnees" },
  { path: "/accessibilite", lastModified: ACCESSIBILITY_STATEMENT.statementDate },
  { path: "/confidentialite" },
];

/** A run of the sitemap's URLs: how many, and the pages from a position on. */
type Section = { count: number; pages: (skip: number, count: number, batch: number) => AsyncIterable<Page[]> };

async function sitemapSections(actor: Actor): Promise<Section[]> {
  const [territories, contracts, fiches] = await Promise.all([
    countPublicTerritoryPages(actor),
    countPublicContractPages(actor),
    countPublicFichePages(actor),
  ]);
  return [
    {
      count: STATIC_PAGES.length,
      pages: async function* (skip, count) {
        yield STATIC_PAGES.slice(skip, skip + count);
      },
    },
    keysetSection(
      territories,
      (window: KeysetWindow<string>) => listPublicTerritoryPages(actor, window),
      (row) => row.slug,
      (row) => ({ path: publicTerritoryPath(row.slug), lastModified: row.lastModified }),
    ),
    // Earlier generations of a territory's contract, whose pages the territory page links.
    keysetSection(
      contracts,
      (window: KeysetWindow<string>) => listPublicContractPages(actor, window),
      (row) => row.id,
      (row) => ({ path: publicContractPath(row.territory.slug, row.generation), lastModified: row.updatedAt }),
    ),
    keysetSection(
      fiches,
      (window: KeysetWindow<string>) => listPublicFichePages(actor, window),
      (row) => row.ficheId,
      (row) => ({ path: publicFichePath(row.contract.territory.slug, row.contract.generation, row.number), lastModified: row.publishedAt }),
    ),
  ];
}

/** A section of `count` records read window by window by their key, each record one page. */
function keysetSection<Row, Key>(
  count: number,
  read: (window: KeysetWindow<Key>) => Promise<Row[]>,
  keyOf: (row: Row) => Key,
  page: (row: Row) => Page,
): Section {
  return {
    count,
    pages: async function* (skip, taken, batch) {
      for await (const rows of walkKeyset(read, keyOf, { skip, count: taken, batch })) yield rows.map(page);
    },
  };
}

const fileCount = (sections: readonly Section[], chunkSize: number) =>
  Math.max(1, Math.ceil(sections.reduce((sum, section) => sum + section.count, 0) / chunkSize));

/** The sitemap index: the absolute URL of each file. Two count queries. */
export async function sitemapIndex(actor: Actor, { chunkSize = SITEMAP_CHUNK_SIZE, env = process.env }: SitemapOptions = {}) {
  const files = fileCount(await sitemapSections(actor), chunkSize);
  return sitemapIndexXml(Array.from({ length: files }, (_, index) => publicUrl(sitemapFilePath(index + 1), env)));
}

/**
 * Sitemap file `number` (1-based) as pieces of XML, or null when the index lists no such file:
 * the URLs from position (number - 1) × chunkSize on, read `batchSize` rows per query.
 */
export async function sitemapFile(
  actor: Actor,
  number: number,
  { chunkSize = SITEMAP_CHUNK_SIZE, batchSize = SITEMAP_BATCH_SIZE, env = process.env }: SitemapOptions = {},
): Promise<AsyncIterable<string> | null> {
  const sections = await sitemapSections(actor);
  if (number < 1 || number > fileCount(sections, chunkSize)) return null;
  return sitemapFileXml(entriesOf(sections, (number - 1) * chunkSize, chunkSize, batchSize, env));
}

/** The entries from position `start`, `count` at most, across the sections. */
async function* entriesOf(
  sections: readonly Section[],
  start: number,
  count: number,
  batch: number,
  env: Record<string, string | undefined>,
): AsyncGenerator<SitemapEntry[]> {
  let sectionStart = 0;
  let left = count;
  for (const section of sections) {
    const skip = Math.max(0, start - sectionStart);
    sectionStart += section.count;
    if (skip >= section.count || left <= 0) continue;
    const taken = Math.min(left, section.count - skip);
    left -= taken;
    for await (const pages of section.pages(skip, taken, batch))
      yield pages.map((page) => ({ url: publicUrl(page.path, env), lastModified: page.lastModified }));
  }
}
