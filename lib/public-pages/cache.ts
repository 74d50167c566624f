// Rendered public pages, kept in this process's memory and served to anonymous visitors with a
// fresh Content-Security-Policy nonce (docs/adr/0007-public-page-cache.md). A page with a nonce
// cannot use Next.js's own full-page cache, and rendering, not SQL, bounds these pages'
// throughput, so the finished response is what is kept.
import { readPublicFicheSegments } from "@/lib/publication/paths";
import { LRUCache } from "lru-cache";
import { SESSION_COOKIE_PREFIXES } from "@/lib/auth/sessions";
import { wellFormed } from "@/lib/params/route-params";

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

type Store = {
  pages: LRUCache<string, CachedPage>;
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
    pages: new LRUCache<string, CachedPage>({
      maxSize: CACHE_MAX_BYTES,
      sizeCalculation: (page) => Math.max(1, page.body.length),
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

export function findPage(key: string): CachedPage | undefined {
  const pages = store();
  return pages.listening ? pages.pages.get(key) : undefined;
}

/** Keeps a page unless an invalidation came after its render began. */
export function keepPage(key: string, page: CachedPage, renderedInGeneration: number): boolean {
  const pages = store();
  if (!pages.listening || pages.generation !== renderedInGeneration) return false;
  pages.pages.set(key, page);
  return true;
}

type RequestHead = { method?: string; url?: string; headers: Record<string, string | string[] | undefined> };

// Client-side navigations and prefetches ask for the page's React payload, not its HTML.
const ROUTER_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "next-action"];
const HOME_PARAMS = new Set(["page", "region", "q"]);
const MAX_PARAM_LENGTH = 100;

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
  const params = [...parsed.searchParams];
  // No public page takes more than three parameters, each once: anything else is rendered.
  const names = new Set(params.map(([name]) => name));
  if (params.length > HOME_PARAMS.size || names.size < params.length || params.some(([, value]) => value.length > MAX_PARAM_LENGTH))
    return null;
  if (parsed.pathname === "/") {
    if (params.some(([name]) => !HOME_PARAMS.has(name))) return null;
    const query = new URLSearchParams(params.sort(([a], [b]) => a.localeCompare(b))).toString();
    return query ? `/?${query}` : "/";
  }
  if (params.length) return null;
  const territory = /^\/territoires\/([^/]+)$/.exec(parsed.pathname);
  if (territory && wellFormed({ slug: territory[1] })) return parsed.pathname;
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
