// The public search (/recherche): French full-text search over published contracts and the
// published version of fiches (PublicFiche, so nothing confidential is ever searched), ranked,
// with highlighted excerpts and facet counts, in one SQL statement (ADR 0003).
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { keptPublicText } from "@/lib/public-pages/cache";
import { ProgressStatus } from "@/lib/db/generated/enums";
import { FACET_SIZE, SEARCH_KINDS, SEARCH_PAGE_SIZE, type SearchParams } from "./schema";

/** The text search configuration of migration 20261207100000_search: French stems, accents folded. */
const CONFIGURATION = Prisma.sql`'public.fr_unaccent'::regconfig`;
/** Marks around the words found, in private-use characters that no text holds: the page turns them into <mark>. */
export const HIT_START = "\uE000";
export const HIT_END = "\uE001";
const EXCERPT_OPTIONS = `StartSel=${HIT_START}, StopSel=${HIT_END}, MaxWords=28, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
const TITLE_OPTIONS = `StartSel=${HIT_START}, StopSel=${HIT_END}, HighlightAll=true`;
/** Characters of a result's text shown when nothing was typed (a search by facets only). */
const PLAIN_EXCERPT_LENGTH = 220;

const facetSchema = z.array(z.object({ value: z.string(), label: z.string().nullable(), count: z.number().int() }));
const outcomeSchema = z.object({
  total: z.number().int(),
  results: z.array(
    z.object({
      kind: z.enum(SEARCH_KINDS),
      id: z.uuid(),
      title: z.string(),
      number: z.number().int().nullable(),
      generation: z.number().int(),
      territorySlug: z.string(),
      territoryName: z.string(),
      regionName: z.string(),
      status: z.enum(ProgressStatus).nullable(),
      excerpt: z.string().nullable(),
    }),
  ),
  facets: z.object({
    type: facetSchema,
    region: facetSchema,
    theme: facetSchema,
    determinant: facetSchema,
    prs: facetSchema,
    status: facetSchema,
  }),
});

export type SearchOutcome = z.infer<typeof outcomeSchema>;
export type SearchResult = SearchOutcome["results"][number];
export type SearchFacet = keyof SearchOutcome["facets"];

/**
 * Published contents matching the words (every word, French stems and accents folded; quotes,
 * `or` and `-word` as in a web search engine) and the facets chosen, best first, with each
 * facet's values counted over the results.
 */
export async function searchPublicContents(actor: Actor, params: SearchParams): Promise<SearchOutcome> {
  assertCan(actor, "publishedContract.read");
  // Every visitor searches the same published contents: the outcome is kept as the public pages
  // are, until the next publication, so a signed-in visitor (whose page is rendered) reuses it too.
  const kept = await keptPublicText(`search:${searchKey(params)}`, async () => {
    const [row] = await getDb().$queryRaw<unknown[]>(searchStatement(params));
    return JSON.stringify(row);
  });
  return outcomeSchema.parse(JSON.parse(kept));
}

/** One key per search, whatever the order its parameters came in. */
function searchKey(params: SearchParams): string {
  const entries = Object.entries(params).filter((entry): entry is [string, string | number] => entry[1] !== undefined);
  return new URLSearchParams(entries.sort(([a], [b]) => a.localeCompare(b)).map(([name, value]) => [name, String(value)])).toString();
}

/**
 * The search's one statement (exported for EXPLAIN). Matching, ranking and facets read small
 * columns only (the stored vectors through their GIN index, the facet columns); the public
 * content, a large value, is read for the page's 20 excerpts alone. Facets are counted in two
 * passes over the matches (GROUPING SETS), whose rows stay narrow: names are joined for the page.
 */
export function searchStatement(params: SearchParams): Prisma.Sql {
  const text = (value: string | undefined) => Prisma.sql`${value ?? null}::text`;
  const query = Prisma.sql`websearch_to_tsquery(${CONFIGURATION}, ${params.q ?? ""})`;
  // The fiches' query is a subquery's value, unknown when planning: PostgreSQL then reads the GIN
  // index. Given the constant, for a common word it reads every fiche's whole vector instead, a
  // large value stored out of line that its costs leave out (1.1 s against 20 ms nationally).
  const ficheMatching = params.q ? Prisma.sql`pf."searchVector" @@ (SELECT ${query})` : Prisma.sql`TRUE`;
  const contractMatching = params.q ? Prisma.sql`c."searchVector" @@ ${query}` : Prisma.sql`TRUE`;
  // ts_rank, not ts_rank_cd: the ranking vector is short (title, themes, determinants) and ts_rank
  // is three times faster over thousands of matches.
  const rank = (vector: Prisma.Sql) => (params.q ? Prisma.sql`ts_rank(${vector}, ${query})` : Prisma.sql`0::real`);
  const highlight = (value: Prisma.Sql, options: string, plain: Prisma.Sql) =>
    params.q ? Prisma.sql`ts_headline(${CONFIGURATION}, ${value}, ${query}, ${options})` : plain;
  const body = Prisma.sql`CASE WHEN best.kind = 'fiche'
    THEN concat_ws(' ', pf.content -> 'values' ->> 'description', pf.content -> 'values' ->> 'general_objective',
                   pf.content -> 'values' ->> 'context', pf.content -> 'values' ->> 'target_public')
    ELSE concat_ws(' ', c.summary, c."mentalHealthComponent", c."diagnosisSummary") END`;
  const order = (row: string) => Prisma.raw(`${row}.rank DESC, ${row}."territoryName", ${row}.kind, ${row}.number, ${row}.generation DESC`);
  return Prisma.sql`
    WITH matches AS (
      SELECT 'fiche' AS kind, pf."ficheId" AS id, pf."contractId", pf.number, ${rank(Prisma.sql`pf."rankVector"`)} AS rank,
             pf.themes, pf.determinants, NULLIF(pf."prsObjective", '') AS prs, pf."facetStatus" AS status
      FROM "PublicFiche" pf
      WHERE ${ficheMatching}
        -- The few fiches in the trash or made confidential since (lib/publication publicFichesWhere).
        AND pf."ficheId" <> ALL (ARRAY(SELECT f.id FROM "FicheAction" f WHERE f."deletedAt" IS NOT NULL OR f.confidential))
      UNION ALL
      -- A territory's page shows its latest published contract: the one searched.
      SELECT 'contract', c.id, c.id, NULL, ${rank(Prisma.sql`c."searchVector"`)}, '{}'::text[], '{}'::text[], NULL, NULL
      FROM "Contract" c
      WHERE c.visibility = 'published' AND ${contractMatching}
        AND c.generation = (SELECT max(latest.generation) FROM "Contract" latest
                            WHERE latest."territoryId" = c."territoryId" AND latest.visibility = 'published')
    ),
    filtered AS (
      SELECT m.kind, m.id, m.number, m.rank, m.themes, m.determinants, m.prs, m.status,
             c.generation, c."territoryId", t.name AS "territoryName", t."regionId"
      FROM matches m
      JOIN "Contract" c ON c.id = m."contractId" AND c.visibility = 'published'
      JOIN "Territory" t ON t.id = c."territoryId"
      WHERE (${text(params.region)} IS NULL OR t."regionId" = (SELECT id FROM "Region" WHERE slug = ${text(params.region)}))
        AND (${text(params.type)} IS NULL OR m.kind = ${text(params.type)})
        AND (${text(params.theme)} IS NULL OR ${text(params.theme)} = ANY(m.themes))
        AND (${text(params.determinant)} IS NULL OR ${text(params.determinant)} = ANY(m.determinants))
        AND (${text(params.prs)} IS NULL OR m.prs = ${text(params.prs)})
        AND (${text(params.status)} IS NULL OR m.status = ${text(params.status)})
    ),
    counts AS (
      SELECT kind, "regionId", prs, status, GROUPING(kind, "regionId", prs, status) AS grouping, count(*)::int AS count
      FROM filtered GROUP BY GROUPING SETS ((), (kind), ("regionId"), (prs), (status))
    ),
    listed AS (
      SELECT theme, determinant, count(*)::int AS count
      FROM (SELECT unnest(themes) AS theme, unnest(determinants) AS determinant FROM filtered) value
      GROUP BY GROUPING SETS ((theme), (determinant))
    ),
    best AS (
      SELECT * FROM filtered ORDER BY ${order("filtered")}
      LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${(params.page - 1) * SEARCH_PAGE_SIZE}
    )
    SELECT
      (SELECT count FROM counts WHERE grouping = 15) AS total,
      (SELECT coalesce(json_agg(page ORDER BY page.position), '[]') FROM (
        SELECT row_number() OVER (ORDER BY ${order("best")}) AS position,
               best.kind, best.id, best.number, best.generation, t.slug AS "territorySlug", best."territoryName",
               r.name AS "regionName", best.status,
               ${highlight(Prisma.sql`coalesce(pf.title, c.title)`, TITLE_OPTIONS, Prisma.sql`coalesce(pf.title, c.title)`)} AS title,
               NULLIF(${highlight(body, EXCERPT_OPTIONS, Prisma.sql`left(${body}, ${PLAIN_EXCERPT_LENGTH})`)}, '') AS excerpt
        FROM best
        JOIN "Territory" t ON t.id = best."territoryId"
        JOIN "Region" r ON r.id = best."regionId"
        LEFT JOIN "PublicFiche" pf ON best.kind = 'fiche' AND pf."ficheId" = best.id
        LEFT JOIN "Contract" c ON best.kind = 'contract' AND c.id = best.id
      ) page) AS results,
      json_build_object(
        'type', (SELECT coalesce(json_agg(facet), '[]') FROM (
          SELECT kind AS value, NULL AS label, count FROM counts WHERE kind IS NOT NULL ORDER BY count DESC, kind) facet),
        'region', (SELECT coalesce(json_agg(facet), '[]') FROM (
          SELECT r.slug AS value, r.name AS label, count FROM counts JOIN "Region" r ON r.id = counts."regionId"
          ORDER BY count DESC, r.name LIMIT ${FACET_SIZE}) facet),
        'theme', (SELECT coalesce(json_agg(facet), '[]') FROM (
          SELECT theme AS value, NULL AS label, count FROM listed WHERE theme IS NOT NULL
          ORDER BY count DESC, theme LIMIT ${FACET_SIZE}) facet),
        'determinant', (SELECT coalesce(json_agg(facet), '[]') FROM (
          SELECT determinant AS value, NULL AS label, count FROM listed WHERE determinant IS NOT NULL
          ORDER BY count DESC, determinant LIMIT ${FACET_SIZE}) facet),
        'prs', (SELECT coalesce(json_agg(facet), '[]') FROM (
          SELECT prs AS value, NULL AS label, count FROM counts WHERE prs IS NOT NULL ORDER BY count DESC, prs LIMIT ${FACET_SIZE}) facet),
        'status', (SELECT coalesce(json_agg(facet), '[]') FROM (
          SELECT status AS value, NULL AS label, count FROM counts WHERE status IS NOT NULL ORDER BY count DESC, status) facet)
      ) AS facets`;
}

/** A highlighted text cut into its parts, the words found marked: rendered as <mark>, never as HTML. */
export function highlightedParts(text: string): Array<{ text: string; hit: boolean }> {
  const parts: Array<{ text: string; hit: boolean }> = [];
  for (const [index, piece] of text.split(HIT_START).entries()) {
    const [hit, rest] =
      index === 0
        ? [null, piece]
        : (() => {
            const end = piece.indexOf(HIT_END);
            return end < 0 ? [piece, ""] : [piece.slice(0, end), piece.slice(end + 1)];
          })();
    if (hit) parts.push({ text: hit, hit: true });
    if (rest) parts.push({ text: rest.replaceAll(HIT_END, ""), hit: false });
  }
  return parts;
}
