// The public search's input (/recherche): words and facet filters, hostile like any query
// string. A value that cannot be one reads as no filter, never as an error page.
import { z } from "zod";
import { ProgressStatus } from "@/lib/db/generated/enums";
import { firstValue, queryText } from "@/lib/params/list-params";
import { ROUTE_PARAMS } from "@/lib/params/route-params";

/** Results on a page of the search. */
export const SEARCH_PAGE_SIZE = 20;
/** Values listed per facet, the most frequent first. */
export const FACET_SIZE = 12;

export const SEARCH_KINDS = ["contract", "fiche"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** The deepest page a search reads: 10,000 results, more than anyone pages through. */
export const SEARCH_MAX_PAGE = 500;

export const searchParamsSchema = z.object({
  q: queryText(200),
  region: z.preprocess(firstValue, ROUTE_PARAMS.slug.optional()).catch(undefined),
  type: z.preprocess(firstValue, z.enum(SEARCH_KINDS).optional()).catch(undefined),
  theme: queryText(120),
  determinant: queryText(300),
  // An objective as fiches name it: code, dash and a label of up to 500 characters.
  prs: queryText(530),
  status: z.preprocess(firstValue, z.enum(ProgressStatus).optional()).catch(undefined),
  page: z.preprocess(firstValue, z.coerce.number().int().min(1).max(SEARCH_MAX_PAGE)).catch(1),
});

export type SearchParams = z.infer<typeof searchParamsSchema>;
export type SearchFilters = Omit<SearchParams, "q" | "page">;
export const SEARCH_FILTERS = ["region", "type", "theme", "determinant", "prs", "status"] as const satisfies ReadonlyArray<
  keyof SearchFilters
>;

export function readSearchParams(searchParams: Record<string, string | string[] | undefined>): SearchParams {
  return searchParamsSchema.parse(searchParams);
}

/** Whether there is anything to search: words, or at least one facet chosen. */
export const hasSearch = (params: SearchParams) => Boolean(params.q) || SEARCH_FILTERS.some((name) => params[name] !== undefined);

/** The URL of a search, its words and filters kept: `searchHref({ q: "santé mentale", region: "bretagne" })`. */
export function searchHref(params: Partial<SearchParams>, anchor?: string): string {
  const query = new URLSearchParams();
  for (const name of ["q", ...SEARCH_FILTERS] as const) {
    const value = params[name];
    if (value) query.set(name, value);
  }
  if (params.page && params.page > 1) query.set("page", String(params.page));
  return `/recherche${query.size ? `?${query}` : ""}${anchor ? `#${anchor}` : ""}`;
}
