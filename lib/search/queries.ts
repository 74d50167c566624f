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

/** An array held in a fiche's public content, or an empty one when it holds none. */
const contentArray = (name: string) =>
  Prisma.sql`CASE WHEN jsonb_typeof(pf.content -> 'values' -> ${name}) = 'array' THEN pf.content -> 'values' -> ${name} ELSE '[]'::jsonb END`;
const contentText = (name: string) => Prisma.sql`pf.content -> 'values' ->> ${name}`;

/**
 * Published contents matching the words (every word, French stems and accents folded; quotes,
 * `or` and `-word` as in a web search engine) and the facets chosen, best first, with each
 * facet's values counted over the results.
 */
export async function searchPublicContents(actor: Actor, params: SearchParams): Promise<SearchOutcome> {
  assertCan(actor, "publishedContract.read");
  const text = (value: string | undefined) => Prisma.sql`${value ?? null}::text`;
  const [row] = await getDb().$queryRaw<unknown[]>`
    WITH input AS (
      SELECT CASE WHEN ${text(params.q)} IS NULL THEN NULL ELSE websearch_to_tsquery(${CONFIGURATION}, ${text(params.q)}) END AS query
    ),
    matches AS (
      SELECT 'fiche' AS kind, pf."ficheId" AS id, pf.title, pf.number, c.generation,
             t.slug AS "territorySlug", t.name AS "territoryName", r.slug AS "regionSlug", r.name AS "regionName",
             CASE WHEN input.query IS NULL THEN 0 ELSE ts_rank_cd(pf."searchVector", input.query) END AS rank,
             ${contentArray("themes")} AS themes, ${contentArray("determinants")} AS determinants,
             NULLIF(${contentText("prs_objective")}, '') AS prs, ${contentText("status")} AS status,
             concat_ws(' ', ${contentText("description")}, ${contentText("general_objective")}, ${contentText("context")},
               ${contentText("target_public")}) AS body
      FROM "PublicFiche" pf
      JOIN "FicheAction" f ON f.id = pf."ficheId" AND f."deletedAt" IS NULL AND NOT f.confidential
      JOIN "Contract" c ON c.id = pf."contractId" AND c.visibility = 'published'
      JOIN "Territory" t ON t.id = c."territoryId"
      JOIN "Region" r ON r.id = t."regionId"
      CROSS JOIN input
      WHERE input.query IS NULL OR pf."searchVector" @@ input.query
      UNION ALL
      -- A territory's page shows its latest published contract: the one searched.
      SELECT 'contract', c.id, c.title, NULL, c.generation, t.slug, t.name, r.slug, r.name,
             CASE WHEN input.query IS NULL THEN 0 ELSE ts_rank_cd(c."searchVector", input.query) END,
             '[]'::jsonb, '[]'::jsonb, NULL, NULL,
             concat_ws(' ', c.summary, c."mentalHealthComponent", c."diagnosisSummary")
      FROM "Contract" c
      JOIN "Territory" t ON t.id = c."territoryId"
      JOIN "Region" r ON r.id = t."regionId"
      CROSS JOIN input
      WHERE c.visibility = 'published' AND (input.query IS NULL OR c."searchVector" @@ input.query)
        AND c.generation = (SELECT max(latest.generation) FROM "Contract" latest
                            WHERE latest."territoryId" = c."territoryId" AND latest.visibility = 'published')
    ),
    filtered AS (
      SELECT * FROM matches
      WHERE (${text(params.region)} IS NULL OR "regionSlug" = ${text(params.region)})
        AND (${text(params.type)} IS NULL OR kind = ${text(params.type)})
        AND (${text(params.theme)} IS NULL OR themes ? ${text(params.theme)})
        AND (${text(params.determinant)} IS NULL OR determinants ? ${text(params.determinant)})
        AND (${text(params.prs)} IS NULL OR prs = ${text(params.prs)})
        AND (${text(params.status)} IS NULL OR status = ${text(params.status)})
    )
    SELECT
      (SELECT count(*)::int FROM filtered) AS total,
      (SELECT coalesce(json_agg(page), '[]') FROM (
        SELECT kind, id, number, generation, "territorySlug", "territoryName", "regionName", status,
               CASE WHEN input.query IS NULL THEN title ELSE ts_headline(${CONFIGURATION}, title, input.query, ${TITLE_OPTIONS}) END AS title,
               CASE WHEN body = '' THEN NULL
                    WHEN input.query IS NULL THEN left(body, ${PLAIN_EXCERPT_LENGTH})
                    ELSE ts_headline(${CONFIGURATION}, body, input.query, ${EXCERPT_OPTIONS}) END AS excerpt
        FROM (SELECT * FROM filtered
              ORDER BY rank DESC, "territoryName", kind, number, title
              LIMIT ${SEARCH_PAGE_SIZE} OFFSET ${(params.page - 1) * SEARCH_PAGE_SIZE}) best
        CROSS JOIN input
        ORDER BY rank DESC, "territoryName", kind, number, title
      ) page) AS results,
      json_build_object(
        'type', (SELECT coalesce(json_agg(facet), '[]') FROM (
          SELECT kind AS value, NULL AS label, count(*)::int AS count FROM filtered GROUP BY kind ORDER BY count(*) DESC, kind) facet),
        'region', (SELECT coalesce(json_agg(facet), '[]') FROM (
          SELECT "regionSlug" AS value, "regionName" AS label, count(*)::int AS count FROM filtered
          GROUP BY 1, 2 ORDER BY count(*) DESC, 2 LIMIT ${FACET_SIZE}) facet),
        'theme', (SELECT coalesce(json_agg(facet), '[]') FROM (
          SELECT value, NULL AS label, count(*)::int AS count FROM filtered, jsonb_array_elements_text(themes) value
          GROUP BY value ORDER BY count(*) DESC, value LIMIT ${FACET_SIZE}) facet),
        'determinant', (SELECT coalesce(json_agg(facet), '[]') FROM (
          SELECT value, NULL AS label, count(*)::int AS count FROM filtered, jsonb_array_elements_text(determinants) value
          GROUP BY value ORDER BY count(*) DESC, value LIMIT ${FACET_SIZE}) facet),
        'prs', (SELECT coalesce(json_agg(facet), '[]') FROM (
          SELECT prs AS value, NULL AS label, count(*)::int AS count FROM filtered WHERE prs IS NOT NULL
          GROUP BY prs ORDER BY count(*) DESC, prs LIMIT ${FACET_SIZE}) facet),
        'status', (SELECT coalesce(json_agg(facet), '[]') FROM (
          SELECT status AS value, NULL AS label, count(*)::int AS count FROM filtered WHERE status IS NOT NULL
          GROUP BY status ORDER BY count(*) DESC, status) facet)
      ) AS facets`;
  return outcomeSchema.parse(row);
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
