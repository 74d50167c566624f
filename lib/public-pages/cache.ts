// Rendered public pages, kept in this process's memory and served to anonymous visitors with a
// fresh Content-Security-Policy nonce (docs/adr/0007-public-page-cache.md). A page with a nonce
// cannot use Next.js's own full-page cache, and rendering, not SQL, bounds these pages'
// throughput, so the finished response is what is kept.
import { readContractKey, readPublicFicheSegments } from "@/lib/publication/paths";
import { LRUCache } from "lru-cache";
import { SESSION_COOKIE_PREFIXES } from "@/lib/auth/sessions";
import { todayInParis } from "@/lib/due/schedule";
import { wellFormed } from "@/lib/params/route-params";
import { SEARCH_FILTERS } from "@/lib/search/schema";

export type CachedPage = {
  headers: Record<string, string | string[]>;
  body: string;
  /** The nonce the page was rendered with, replaced by each response's own. */
  nonce: string;
};

/** At most this much HTML is kept; the least recently served pages go first. */
export const CACHE_MAX_BYTES = 64 * 1024 * 1024;
/**
 * Invalidations reach every instance at once (lib/public-pages/invalidation.ts); this bounds how
 * stale a page can get if one is lost (a process stopped between a save and its notification).
 */
export const CACHE_TTL_MS = 5 * 60_000;

/** A kept page and the day in Paris its render began: it is served on that day only. */
type Kept = { page: CachedPage; day: string };

type Store = {
  pages: LRUCache<string, Kept>;
  /** Bumped by every invalidation: a render that began before one is not kept. */
  generation: number;
  /** Pages are served only while this process hears other instances' invalidations. */
  listening: boolean;
};

// One store per process, shared by the HTTP server (which serves and fills it) and the app's
// bundles (whose server actions invalidate it): globalThis is the one object both see.
const globalForPages = globalThis as unknown as { openclsPublicPages?: Store };

function store(): Store {
  globalForPages.openclsPublicPages ??= {
    pages: new LRUCache<string, Kept>({
      maxSize: CACHE_MAX_BYTES,
      sizeCalculation: (kept) => Math.max(1, kept.page.body.length),
      ttl: CACHE_TTL_MS,
    }),
    generation: 0,
    listening: false,
  };
  return globalForPages.openclsPublicPages;
}

/** Drops every kept page of this process, and any render still under way. */
export function invalidateLocally(): void {
  const pages = store();
  pages.generation++;
  pages.pages.clear();
}

export function setListening(listening: boolean): void {
  invalidateLocally();
  store().listening = listening;
}

export function currentGeneration(): number {
  return store().generation;
}

/** Whether this process may keep what it serves now: only while it hears other instances' invalidations. */
export function keepingPages(): boolean {
  return store().listening;
}

/**
 * The calendar day in Paris a page is rendered for. Pages read what they show against it (a
 * contract « Arrivé à échéance » the day after its end, lib/contracts/public-status.ts), so a page
 * is served only on the day its render began: at midnight every kept page goes stale at once.
 */
function parisDay(at: Date): string {
  return todayInParis(at).toISOString().slice(0, 10);
}

export function findPage(key: string, now = new Date()): CachedPage | undefined {
  const pages = store();
  const kept = pages.listening ? pages.pages.get(key) : undefined;
  if (!kept) return undefined;
  if (kept.day === parisDay(now)) return kept.page;
  pages.pages.delete(key);
  return undefined;
}

/** Keeps a page unless an invalidation came after its render began (at `renderBegan`, which also dates it). */
export function keepPage(key: string, page: CachedPage, renderedInGeneration: number, renderBegan = new Date()): boolean {
  const pages = store();
  if (!pages.listening || pages.generation !== renderedInGeneration) return false;
  pages.pages.set(key, { page, day: parisDay(renderBegan) });
  return true;
}

/**
 * A public text every visitor shares and that is not an HTML page (the sitemap index, a search's
 * outcome), kept as the pages are: until the next invalidation, its time to live or midnight in
 * Paris, and only while this process hears invalidations. Its key cannot be a page's (those are paths).
 */
export async function keptPublicText(name: string, compute: () => Promise<string>): Promise<string> {
  const key = `text:${name}`;
  const found = findPage(key);
  if (found) return found.body;
  const generation = currentGeneration();
  const renderBegan = new Date();
  const body = await compute();
  keepPage(key, { headers: {}, body, nonce: "" }, generation, renderBegan);
  return body;
}

type RequestHead = { method?: string; url?: string; headers: Record<string, string | string[] | undefined> };

// Client-side navigations and prefetches ask for the page's React payload, not its HTML.
const ROUTER_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "next-action"];
/** The directory's page and filters, and the commune looked for (lib/territories/schema.ts directoryParamsSchema). */
const HOME_PARAMS = new Set(["page", "region", "departement", "statut", "commune"]);
/** The search's words and facets (lib/search/schema.ts): popular searches are asked again and again. */
const SEARCH_PARAMS = new Set<string>(["q", ...SEARCH_FILTERS, "page"]);
/** Public pages without parameters or records, the same for every visitor: the open data page lists the regions' datasets. */
const KEPT_PATHS = new Set(["/donnees"]);
/** What a parameter may hold at most; the search's longest is a PRS objective's name (530 characters). */
const MAX_PARAM_LENGTH = 100;
const MAX_SEARCH_PARAM_LENGTH = 530;

function signedIn(cookieHeader: string | string[] | undefined): boolean {
  const cookies = Array.isArray(cookieHeader) ? cookieHeader.join(";") : (cookieHeader ?? "");
  return cookies.split(";").some((cookie) => SESSION_COOKIE_PREFIXES.some((prefix) => cookie.trim().startsWith(prefix)));
}

/**
 * The cache key of a request for a public page as an anonymous visitor sees it, or null when the
 * request must be rendered: not a GET, a signed-in visitor (the header and what they may see
 * depend on them), a router request, or a path or query string the public pages do not take.
 */
export function publicPageKey({ method, url, headers }: RequestHead): string | null {
  if (method !== "GET" || !url || signedIn(headers.cookie)) return null;
  if (ROUTER_HEADERS.some((name) => headers[name] !== undefined)) return null;
  let parsed: URL;
  try {
    parsed = new URL(url, "http://localhost");
  } catch {
    return null;
  }
  const taken = parsed.pathname === "/" ? HOME_PARAMS : parsed.pathname === "/recherche" ? SEARCH_PARAMS : null;
  // A parameter the page reads, sent empty, reads as absent (a filter form sends its unset selects empty).
  const params = [...parsed.searchParams].filter(([name, value]) => value !== "" || !taken?.has(name));
  // A public page takes each of its parameters once, and no other: anything else is rendered.
  const names = new Set(params.map(([name]) => name));
  const maxLength = parsed.pathname === "/recherche" ? MAX_SEARCH_PARAM_LENGTH : MAX_PARAM_LENGTH;
  if (names.size < params.length || params.some(([, value]) => value.length > maxLength)) return null;
  if (taken) {
    if (params.some(([name]) => !taken.has(name))) return null;
    const query = new URLSearchParams(params.sort(([a], [b]) => a.localeCompare(b))).toString();
    return query ? `${parsed.pathname}?${query}` : parsed.pathname;
  }
  if (params.length) return null;
  if (KEPT_PATHS.has(parsed.pathname)) return parsed.pathname;
  const territory = /^\/territoires\/([^/]+)$/.exec(parsed.pathname);
  if (territory && wellFormed({ slug: territory[1] })) return parsed.pathname;
  const contract = /^\/territoires\/([^/]+)\/([^/]+)$/.exec(parsed.pathname);
  if (contract && wellFormed({ slug: contract[1] }) && readContractKey(contract[2])) return parsed.pathname;
  const fiche = /^\/territoires\/([^/]+)\/([^/]+)\/fiches\/([^/]+)$/.exec(parsed.pathname);
  if (fiche && wellFormed({ slug: fiche[1] }) && readPublicFicheSegments(fiche[2], fiche[3])) return parsed.pathname;
  return null;
}

/** The nonce in a response's Content-Security-Policy, if it has one. */
export function nonceOf(policy: string | number | string[] | undefined): string | undefined {
  return typeof policy === "string" ? /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1] : undefined;
}

/**
 * The page as this response sends it: the nonce is 128 random bits, so it appears in the page
 * only where Next.js put it (script and style tags, the policy, the Link header).
 */
export function withNonce(page: CachedPage, nonce: string): { headers: Record<string, string | string[]>; body: string } {
  const renonce = (value: string) => value.replaceAll(page.nonce, nonce);
  const headers = Object.fromEntries(
    Object.entries(page.headers).map(([name, value]) => [name, Array.isArray(value) ? value.map(renonce) : renonce(value)]),
  );
  return { headers, body: renonce(page.body) };
}
