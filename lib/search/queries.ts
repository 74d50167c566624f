// The public search (/recherche): French full-text search over published contracts and the
// published version of fiches (PublicFiche, so nothing confidential is ever searched), ranked,
// with highlighted excerpts and facet counts, in one SQL statement (ADR 0003).
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/authz";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
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
  const [row] = await getDb().$queryRaw<unknown[]>(searchStatement(params));
  return outcomeSchema.parse(row);
}

/**
 * The search's one statement (exported for EXPLAIN). Matching and facets read small columns
 * only (the stored vector, the generated facet columns); the public content, a large value,
 * is read for the page's 20 excerpts alone.
 */
export function searchStatement(params: SearchParams): Prisma.Sql {
  const text = (value: string | undefined) => Prisma.sql`${value ?? null}::text`;
  // A constant query, not a row of a CTE: PostgreSQL then reads the GIN index.
  const query = Prisma.sql`websearch_to_tsquery(${CONFIGURATION}, ${params.q ?? ""})`;
  const matching = (vector: Prisma.Sql) => (params.q ? Prisma.sql`${vector} @@ ${query}` : Prisma.sql`TRUE`);
  const rank = (vector: Prisma.Sql) => (params.q ? Prisma.sql`ts_rank_cd(${vector}, ${query})` : Prisma.sql`0::real`);
  const highlight = (value: Prisma.Sql, options: string, plain: Prisma.Sql) =>
    params.q ? Prisma.sql`ts_headline(${CONFIGURATION}, ${value}, ${query}, ${options})` : plain;
  const body = Prisma.sql`CASE WHEN best.kind = 'fiche'
    THEN concat_ws(' ', pf.content -> 'values' ->> 'description', pf.content -> 'values' ->> 'general_objective',
                   pf.content -> 'values' ->> 'context', pf.content -> 'values' ->> 'target_public')
    ELSE concat_ws(' ', c.summary, c."mentalHealthComponent", c."diagnosisSummary") END`;
  return Prisma.sql`
    WITH matches AS (
      SELECT 'fiche' AS kind, pf."ficheId" AS id, pf.title, pf.number, c.generation,
             t.slug AS "territorySlug", t.name AS "territoryName", r.slug AS "regionSlug", r.name AS "regionName",
             ${rank(Prisma.sql`pf."rankVector"`)} AS rank,
             pf.themes, pf.determinants, NULLIF(pf."prsObjective", '') AS prs, pf."facetStatus" AS status
      FROM "PublicFiche" pf
      JOIN "Contract" c ON c.id = pf."contractId" AND c.visibility = 'published'
      JOIN "Territory" t ON t.id = c."territoryId"
      JOIN "Region" r ON r.id = t."regionId"
      WHERE ${matching(Prisma.sql`pf."searchVector"`)}
        -- The few fiches in the trash or made confidential since (lib/publication publicFichesWhere).
        AND NOT EXISTS (SELECT FROM "FicheAction" f WHERE f.id = pf."ficheId" AND (f."deletedAt" IS NOT NULL OR f.confidential))
      UNION ALL
      -- A territory's page shows its latest published contract: the one searched.
      SELECT 'contract', c.id, c.title, NULL, c.generation, t.slug, t.name, r.slug, r.name,
             ${rank(Prisma.sql`c."searchVector"`)}, '{}'::text[], '{}'::text[], NULL, NULL
      FROM "Contract" c
      JOIN "Territory" t ON t.id = c."territoryId"
      JOIN "Region" r ON r.id = t."regionId"
      WHERE c.visibility = 'published' AND ${matching(Prisma.sql`c."searchVector"`)}
        AND c.generation = (SELECT max(latest.generation) FROM "Contract" latest
                            WHERE latest."territoryId" = c."territoryId" AND latest.visibility = 'published')
    ),
    filtered AS (
      SELECT * FROM matches
      WHERE (${text(params.region)} IS NULL OR "regionSlug" = ${text(params.region)})
        AND (${text(params.type)} IS NULL OR kind = ${text(params.type)})
        AND (${text(params.theme)} IS NULL OR ${text(params.theme)} = ANY(themes))
        AND (${text(params.determinant)} IS NULL OR ${text(params.determinant)} = ANY(determinants))
        AND (${text(params.prs)} IS NULL OR prs = ${text(params.prs)})
        AND (${text(params.status)} IS NULL OR status = ${text(params.status)})
    ),
    best AS (
      SELECT * FROM filtered
      ORDER BY rank DESC, "territoryName", kind, number, title
      LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${(params.page - 1) * SEARCH_PAGE_SIZE}
    )
    SELECT
      (SELECT count(*)::int FROM filtered) AS total,
      (SELECT coalesce(json_agg(page ORDER BY page.position), '[]') FROM (
        SELECT row_number() OVER (ORDER BY best.rank DESC, best."territoryName", best.kind, best.number, best.title) AS position,
               best.kind, best.id, best.number, best.generation, best."territorySlug", best."territoryName", best."regionName", best.status,
               ${highlight(Prisma.sql`best.title`, TITLE_OPTIONS, Prisma.sql`best.title`)} AS title,
               NULLIF(${highlight(body, EXCERPT_OPTIONS, Prisma.sql`left(${body}, ${PLAIN_EXCERPT_LENGTH})`)}, '') AS excerpt
        FROM best
        LEFT JOIN "PublicFiche" pf ON best.kind = 'fiche' AND pf."ficheId" = best.id
        LEFT JOIN "Contract" c ON best.kind = 'contract' AND c.id = best.id
      ) page) AS results,
      json_build_object(
        'type', (SELECT coalesce(json_agg(facet), '[]') FROM (
          SELECT kind AS value, NULL AS label, count(*)::int AS count FROM filtered GROUP BY kind ORDER BY count(*) DESC, kind) facet),
        'region', (SELECT coalesce(json_agg(facet), '[]') FROM (
          SELECT "regionSlug" AS value, "regionName" AS label, count(*)::int AS count FROM filtered
          GROUP BY 1, 2 ORDER BY count(*) DESC, 2 LIMIT ${FACET_SIZE}) facet),
        'theme', (SELECT coalesce(json_agg(facet), '[]') FROM (
          SELECT value, NULL AS label, count(*)::int AS count FROM filtered, unnest(themes) value
          GROUP BY value ORDER BY count(*) DESC, value LIMIT ${FACET_SIZE}) facet),
        'determinant', (SELECT coalesce(json_agg(facet), '[]') FROM (
          SELECT value, NULL AS label, count(*)::int AS count FROM filtered, unnest(determinants) value
          GROUP BY value ORDER BY count(*) DESC, value LIMIT ${FACET_SIZE}) facet),
        'prs', (SELECT coalesce(json_agg(facet), '[]') FROM (
          SELECT prs AS value, NULL AS label, count(*)::int AS count FROM filtered WHERE prs IS NOT NULL
          GROUP BY prs ORDER BY count(*) DESC, prs LIMIT ${FACET_SIZE}) facet),
        'status', (SELECT coalesce(json_agg(facet), '[]') FROM (
          SELECT status AS value, NULL AS label, count(*)::int AS count FROM filtered WHERE status IS NOT NULL
          GROUP BY status ORDER BY count(*) DESC, status) facet)
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
