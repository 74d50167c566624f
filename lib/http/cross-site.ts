// Cross-site request refusal: a request that may change something must come from one of the
// app's own pages, which browsers prove with the Origin header. Next.js's own server-action
// check lets requests without Origin through and, behind no proxy, would trust a client's
// X-Forwarded-Host; this check runs first, in proxy.ts, for every route.

/** Methods that only read. Every other one (POST, PUT, PATCH, DELETE, and any unknown) is checked. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The one planned exception (issue 12): one-click unsubscription (RFC 8058). Mail clients POST
 * `List-Unsubscribe=One-Click` to the List-Unsubscribe URL on their own, with no Origin; the
 * token in the URL authenticates the request, and unsubscribing is all it may do. The route does
 * not exist yet; when it does, it must live under this prefix and check its token itself.
 */
export const ONE_CLICK_UNSUBSCRIBE_PATH_PREFIX = "/desabonnement/";

export const CROSS_SITE_REFUSAL = "Requête refusée : elle ne vient pas d’une page d’OpenCLS. Rechargez la page et réessayez.";

export type RequestFacts = { method: string; pathname: string; origin: string | null; isServerAction: boolean };

export function isRefusedCrossSite(request: RequestFacts, allowedOrigins: readonly string[]): boolean {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
  if (isOneClickUnsubscribe(request)) return false;
  const origin = normalizedOrigin(request.origin);
  return origin === null || !allowedOrigins.includes(origin);
}

/** Browsers send `scheme://host[:port]`; anything else ("null", a path, garbage) is no origin. */
function normalizedOrigin(value: string | null): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.origin === "null" || value.replace(/\/$/, "").toLowerCase() !== url.origin ? null : url.origin;
  } catch {
    return null;
  }
}

/** RFC 8058's POST, never a server action posted to that path (an action may change anything). */
function isOneClickUnsubscribe({ method, pathname, isServerAction }: RequestFacts): boolean {
  return method.toUpperCase() === "POST" && pathname.startsWith(ONE_CLICK_UNSUBSCRIBE_PATH_PREFIX) && !isServerAction;
}

export function crossSiteRefusal(): Response {
  return new Response(CROSS_SITE_REFUSAL, { status: 403, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}
