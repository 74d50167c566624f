// Cross-site request refusal: a request that may change something must come from one of the
// app's own pages, which browsers prove with the Origin header. Next.js's own server-action
// check lets requests without Origin through and, behind no proxy, would trust a client's
// X-Forwarded-Host; this check runs first, in proxy.ts, for every route.

/** Methods that only read. Every other one (POST, PUT, PATCH, DELETE, and any unknown) is checked. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * The one exception: one-click unsubscription (RFC 8058). Mail clients POST
 * `List-Unsubscribe=One-Click` to the List-Unsubscribe URL on their own, with no Origin; the
 * token in the URL authenticates the request, and unsubscribing is all it may do. The route
 * (app/desabonnement/[token]/route.ts) lives under this prefix, is a route handler (route.ts,
 * which never runs server actions) and checks its token itself.
 */
export const ONE_CLICK_UNSUBSCRIBE_PATH_PREFIX = "/desabonnement/";
/** RFC 8058's whole body is this one field; anything more (a server action's fields) is not it. */
const ONE_CLICK_BODY = { name: "List-Unsubscribe", value: "One-Click", maxBytes: 1024 } as const;

export const CROSS_SITE_REFUSAL = "Requête refusée : elle ne vient pas d’une page d’OpenCLS. Rechargez la page et réessayez.";

export async function isRefusedCrossSite(request: Request, allowedOrigins: readonly string[]): Promise<boolean> {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return false;
  const origin = normalizedOrigin(request.headers.get("origin"));
  if (origin !== null && allowedOrigins.includes(origin)) return false;
  return !(await isOneClickUnsubscribe(request));
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

/**
 * Exactly RFC 8058's request: a small POST under the prefix whose form body (url-encoded or
 * multipart, both allowed by the RFC) is `List-Unsubscribe=One-Click` and nothing else, and no
 * server action (Next.js runs multipart POSTs carrying `$ACTION_ID_…` fields as actions).
 */
async function isOneClickUnsubscribe(request: Request): Promise<boolean> {
  if (request.method.toUpperCase() !== "POST" || request.headers.has("next-action")) return false;
  if (!new URL(request.url).pathname.startsWith(ONE_CLICK_UNSUBSCRIBE_PATH_PREFIX)) return false;
  const length = Number(request.headers.get("content-length"));
  if (!Number.isInteger(length) || length <= 0 || length > ONE_CLICK_BODY.maxBytes) return false;
  try {
    const fields = [...(await request.clone().formData())];
    return fields.length === 1 && fields[0][0] === ONE_CLICK_BODY.name && fields[0][1] === ONE_CLICK_BODY.value;
  } catch {
    return false;
  }
}

export function crossSiteRefusal(): Response {
  return new Response(CROSS_SITE_REFUSAL, {
    status: 403,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}
