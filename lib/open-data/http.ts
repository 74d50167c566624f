// The open data API over HTTP: what every /api/v1 route handler does around its read. Anonymous
// only (the session cookie is never read), authorized through lib/authz, rate-limited per client
// address across instances, CORS-open for reading, cacheable with an ETag, and errors as French
// application/problem+json (RFC 9457). Route handlers stay thin: they call `openDataRoute`.
import { createHash } from "node:crypto";
import { ANONYMOUS, assertCan, NotFoundError } from "@/lib/authz";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { clientIp } from "@/lib/http/client-address";
import { apiRateLimit } from "@/lib/http/config";
import { createRateLimiter, rateLimitHeaders, type RateLimiter } from "@/lib/http/rate-limit";
import { appUrl } from "@/lib/mail/app-url";
import { CACHE_TTL_MS, currentGeneration, keepingPages } from "@/lib/public-pages/cache";
import { CACHE_STATUS_HEADER } from "@/lib/server/public-page-responses";
import { LRUCache } from "lru-cache";
import type { Column } from "./columns";
import { csvHeader, csvRows, csvStream } from "./csv";
import { BadCursorError, decodeCursor, encodeCursor, listOpenData, type Cursor } from "./queries";
import { COLLECTIONS, filtersSchema, FILTER_NAMES, limitSchema, PARAMETER_ERRORS, type CollectionName, type Filters } from "./schema";

export const API_BASE_PATH = "/api/v1";
/** Public data changes when a coordinator publishes: a reader may keep a response this long. */
export const CACHE_CONTROL = "public, max-age=300";
/** Rows read per page while a CSV file is written. */
const CSV_PAGE = 500;

const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Expose-Headers": "ETag, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After",
};

/** A request the API refuses, with what the client is told (in French). */
export class OpenDataError extends Error {
  constructor(
    readonly status: 400 | 404,
    readonly title: string,
    readonly detail: string,
  ) {
    super(detail);
  }
}

export const notFound = (detail = "Aucune donnée publique à cette adresse.") => new OpenDataError(404, "Introuvable", detail);
const badRequest = (detail: string) => new OpenDataError(400, "Requête invalide", detail);

/** The API's one rate limiter in this process (requests per minute and client address, OPENCLS_API_RATE_LIMIT). */
export function apiRateLimiter(): RateLimiter {
  const holder = globalThis as { openclsApiRateLimiter?: RateLimiter };
  holder.openclsApiRateLimiter ??= createRateLimiter({ name: "api", windowSeconds: 60, limit: () => apiRateLimit() });
  return holder.openclsApiRateLimiter;
}

export function problem(status: number, title: string, detail: string, headers: Record<string, string> = {}): Response {
  return Response.json(
    { type: "about:blank", title, status, detail },
    {
      status,
      headers: { ...CORS_HEADERS, ...headers, "Content-Type": "application/problem+json; charset=utf-8", "Cache-Control": "no-store" },
    },
  );
}

/** A whole answer, which the route wrapper tags with an ETag, may keep, and sends. */
export type Body = { body: string; headers: Record<string, string> };

export const json = (value: unknown): Body => ({
  body: JSON.stringify(value),
  headers: { "Content-Type": "application/json; charset=utf-8" },
});

/**
 * Wraps a route handler of the API: authorizes the anonymous read, counts the request against
 * the client's quota, answers from the answers this process keeps (or keeps the one it computes),
 * tags it with its ETag (304 for a client that holds it), and answers refusals and errors the
 * client can act on as problems.
 */
export function openDataRoute<Context>(respond: (request: Request, context: Context) => Promise<Body | Response>) {
  return async (request: Request, context: Context): Promise<Response> => {
    assertCan(ANONYMOUS, "openData.read");
    const decision = apiRateLimiter().hit(clientIp(request.headers));
    const quota = rateLimitHeaders(decision);
    if (!decision.allowed)
      return problem(
        429,
        "Trop de requêtes",
        `Cette adresse a fait plus de ${decision.limit} requêtes en une minute\u00a0: réessayez dans ${decision.resetSeconds}\u00a0s.`,
        quota,
      );
    const key = keptKey(request);
    const hit = findKept(key);
    if (hit) return answer(request, hit, { ...quota, [CACHE_STATUS_HEADER]: "hit" });
    const generation = currentGeneration();
    try {
      const result = await respond(request, context);
      if (result instanceof Response) {
        for (const [name, value] of Object.entries({ ...CORS_HEADERS, ...quota })) result.headers.set(name, value);
        return result;
      }
      const entry = { ...result, etag: etagOf(result.body) };
      keep(key, entry, generation);
      return answer(request, entry, quota);
    } catch (error) {
      if (error instanceof OpenDataError) return problem(error.status, error.title, error.detail, quota);
      if (error instanceof NotFoundError) return problem(404, "Introuvable", "Aucune donnée publique à cette adresse.", quota);
      if (isDatabaseUnavailable(error))
        return problem(
          503,
          "Service temporairement indisponible",
          "Les données ne peuvent pas être lues pour le moment\u00a0: réessayez dans une minute.",
          { ...quota, "Retry-After": "60" },
        );
      throw error;
    }
  };
}

/** The answer to a CORS preflight: reading is open to every origin, without credentials. */
export function preflight(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
      "Access-Control-Allow-Headers": "If-None-Match, Accept",
      "Access-Control-Max-Age": "86400",
      Allow: "GET, HEAD, OPTIONS",
    },
  });
}

/** A weak validator of the exact body: equal bodies, equal tags, whatever the instance. */
const etagOf = (body: string) => `W/"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;

/** Whether If-None-Match names this tag (weak comparison, RFC 9110 §13.1.2). */
function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === opaque(etag));
}

type Kept = Body & { etag: string };

/** The answer with its ETag, or 304 Not Modified when the client already holds it. */
function answer(request: Request, { body, headers, etag }: Kept, extra: Record<string, string>): Response {
  const common = { ...CORS_HEADERS, ...extra, ETag: etag, "Cache-Control": CACHE_CONTROL };
  if (matches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers: common });
  return new Response(body, { headers: { ...headers, ...common } });
}

// Answers kept whole in this process, like public pages (docs/adr/0007-public-page-cache.md):
// dropped by any save in any instance (the public pages' generation), kept only while this
// process hears other instances' saves, at most KEPT_MAX_BYTES and five minutes.
const KEPT_MAX_BYTES = 32 * 1024 * 1024;
type KeptStore = LRUCache<string, Kept & { generation: number }>;
const globalForKept = globalThis as unknown as { openclsOpenDataAnswers?: KeptStore };
const keptStore = () =>
  (globalForKept.openclsOpenDataAnswers ??= new LRUCache({
    maxSize: KEPT_MAX_BYTES,
    sizeCalculation: (entry) => Math.max(1, entry.body.length),
    ttl: CACHE_TTL_MS,
  }));

/** Requests for one address and query string get one answer (the links it holds come from the configured address, not the request's). */
const keptKey = (request: Request) => {
  const url = new URL(request.url);
  return `${url.pathname}${url.search}`;
};

function findKept(key: string): Kept | undefined {
  if (!keepingPages()) return undefined;
  const entry = keptStore().get(key);
  if (entry && entry.generation !== currentGeneration()) {
    keptStore().delete(key);
    return undefined;
  }
  return entry;
}

function keep(key: string, entry: Kept, generation: number): void {
  if (keepingPages() && generation === currentGeneration() && entry.body.length <= KEPT_MAX_BYTES / 16)
    keptStore().set(key, { ...entry, generation });
}

export type Query = { filters: Filters; limit: number; cursor: Cursor | null };

/**
 * The parameters of a request for a collection. Unknown parameters are ignored (a client may
 * send its own), empty ones too; a known one given twice, malformed, or a filter that cannot
 * apply to the collection is a 400.
 */
export function readQuery(name: CollectionName, params: URLSearchParams): Query {
  // An empty value is no value: a form's "all regions" choice sends region=.
  const single = (key: string) => {
    const values = params.getAll(key).filter((value) => value !== "");
    if (values.length > 1) throw badRequest(`Le paramètre ${key} est donné plusieurs fois\u00a0: donnez-le une fois.`);
    return values[0];
  };
  const applicable: readonly string[] = COLLECTIONS[name].filters;
  const given = new Map<string, string>();
  for (const key of FILTER_NAMES) {
    const value = single(key);
    if (value === undefined) continue;
    if (!applicable.includes(key))
      throw badRequest(`Le paramètre ${key} ne s’applique pas à la collection ${name}\u00a0: ${applicable.join(", ")} s’y appliquent.`);
    given.set(key, value);
  }
  const filters = filtersSchema.safeParse(Object.fromEntries(given));
  if (!filters.success) throw badRequest(PARAMETER_ERRORS[filters.error.issues[0].path[0] as keyof typeof PARAMETER_ERRORS]);
  const limit = limitSchema.safeParse(single("limit"));
  if (!limit.success) throw badRequest(PARAMETER_ERRORS.limit);
  const cursorText = single("cursor");
  let cursor: Cursor | null = null;
  if (cursorText !== undefined) {
    try {
      cursor = decodeCursor(name, cursorText);
    } catch (error) {
      if (error instanceof BadCursorError) throw badRequest(PARAMETER_ERRORS.cursor);
      throw error;
    }
  }
  return { filters: filters.data, limit: limit.data, cursor };
}

/** The address of the page after this one: the same filters and limit, with its cursor. */
function nextLink(name: CollectionName, { filters, limit }: Query, cursor: string): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined) params.set(key, value);
  params.set("limit", String(limit));
  params.set("cursor", cursor);
  return appUrl(`${API_BASE_PATH}/${name}?${params}`);
}

/** A page of a collection as JSON: `{ data, next_cursor, links: { next } }`. */
export async function collectionPage(request: Request, name: CollectionName): Promise<Body> {
  const query = readQuery(name, new URL(request.url).searchParams);
  const page = await listOpenData(name, query.filters, query.cursor, query.limit);
  const next = page.next && encodeCursor(page.next);
  return json({ data: page.data, next_cursor: next, links: { next: next && nextLink(name, query, next) } });
}

/**
 * A whole collection (its filters applied) as a CSV file: whole when it fits one page of rows
 * (then tagged and kept like JSON), otherwise read and sent page after page.
 */
export async function collectionCsv(request: Request, name: CollectionName): Promise<Body | Response> {
  const { filters } = readQuery(name, withoutPaging(new URL(request.url).searchParams));
  const columns = COLLECTIONS[name].columns as ReadonlyArray<Column<never>>;
  const first = await listOpenData(name, filters, null, CSV_PAGE);
  const headers = {
    "Content-Type": "text/csv; charset=utf-8; header=present",
    "Content-Disposition": `attachment; filename="opencls-${name}.csv"`,
  };
  if (first.next === null) return { body: csvHeader(columns) + csvRows(columns, first.data), headers };
  let cursor: Cursor | null = first.next;
  const stream = csvStream(columns, { rows: first.data, more: true }, async () => {
    const page = await listOpenData(name, filters, cursor, CSV_PAGE);
    cursor = page.next;
    return { rows: page.data, more: cursor !== null };
  });
  return new Response(stream, { headers: { ...headers, "Cache-Control": CACHE_CONTROL } });
}

/** A CSV file is always whole: paging parameters mean nothing there. */
function withoutPaging(params: URLSearchParams): URLSearchParams {
  const copy = new URLSearchParams(params);
  copy.delete("limit");
  copy.delete("cursor");
  return copy;
}

/** What a collection segment asks for: "fiches", "fiches.csv" or "fiches.schema.json". */
export function readCollectionSegment(segment: string): { name: CollectionName; format: "json" | "csv" | "schema" } {
  const match = /^([a-z-]{1,40})(\.csv|\.schema\.json)?$/.exec(segment);
  const name = match?.[1];
  if (!name || !Object.hasOwn(COLLECTIONS, name)) throw notFound("Cette collection n’existe pas\u00a0: voir /api/v1/openapi.json.");
  return { name: name as CollectionName, format: match[2] === ".csv" ? "csv" : match[2] === ".schema.json" ? "schema" : "json" };
}
