// The Content-Security-Policy and transport headers of every response (docs/adr/0005).
// Scripts run only with this response's nonce; Next.js reads it from the request's copy of the
// policy and puts it on its own scripts and styles.
import { proConnectConfig } from "@/lib/auth/proconnect";
import { servedOverHttps } from "./config";

export type PolicyOptions = {
  nonce: string;
  /** Origins a form may post to or be redirected to after posting, besides the app's own. */
  formTargets?: readonly string[];
  https?: boolean;
  /** `next dev`: React rebuilds server error stacks with eval, and hot reloading inserts styles without the nonce. */
  development?: boolean;
};

/** 128 random bits, base64: a fresh one for every request. */
export function createNonce(): string {
  return btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
}

export function contentSecurityPolicy({ nonce, formTargets = [], https = false, development = false }: PolicyOptions): string {
  const directives: [string, ...string[]][] = [
    ["default-src", "'self'"],
    // 'strict-dynamic': the chunks Next.js's nonced runtime loads are trusted, no host list;
    // 'self' only speaks to browsers too old for it.
    ["script-src", "'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(development ? ["'unsafe-eval'"] : [])],
    // A nonce makes browsers ignore 'unsafe-inline', so development drops it.
    ["style-src", "'self'", ...(development ? ["'unsafe-inline'"] : [`'nonce-${nonce}'`])],
    // style="" attributes React renders (a progress bar's width): they cannot run code.
    ["style-src-attr", "'unsafe-inline'"],
    ["img-src", "'self'", "data:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'", ...formTargets],
    ["frame-ancestors", "'none'"],
    ...(https ? ([["upgrade-insecure-requests"]] as [string][]) : []),
  ];
  return directives.map((directive) => directive.join(" ")).join("; ");
}

/** Two years, subdomains included; sent only when the app is served over HTTPS. */
export const STRICT_TRANSPORT_SECURITY = "max-age=63072000; includeSubDomains";

/** The headers proxy.ts sets on a response, for this request's nonce and the configuration. */
export function securityHeaders(nonce: string, env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const https = servedOverHttps(env);
  const proConnect = proConnectConfig(env);
  const policy = contentSecurityPolicy({
    nonce,
    // Sign-in and sign-out hand the browser over to ProConnect's pages.
    formTargets: proConnect ? [new URL(proConnect.issuer).origin] : [],
    https,
    development: env.NODE_ENV === "development",
  });
  return { "Content-Security-Policy": policy, ...(https ? { "Strict-Transport-Security": STRICT_TRANSPORT_SECURITY } : {}) };
}
