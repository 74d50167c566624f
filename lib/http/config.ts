// What the operator tells the app about the way requests reach it: how many reverse proxies
// stand in front, which origins may send state-changing requests, and how many requests one
// process renders at once.
import { StartupError } from "@/lib/config/startup-error";
import { DEFAULT_MAX_RENDERS } from "@/lib/server/render-limit";

/** OPENCLS_TRUSTED_PROXIES: how many reverse proxies stand in front of the app (0: reached directly). */
export function trustedProxyCount(env: NodeJS.ProcessEnv = process.env): number {
  return countSetting(env, "OPENCLS_TRUSTED_PROXIES", 0, "the number of reverse proxies in front of OpenCLS");
}

/** How many requests one process renders at once (lib/server/render-limit.ts); 0: no limit. */
export function maxConcurrentRenders(env: NodeJS.ProcessEnv = process.env): number {
  return countSetting(env, "OPENCLS_MAX_RENDERS", DEFAULT_MAX_RENDERS, "how many requests one process renders at once");
}

/** The open data API's requests per minute and client address (OPENCLS_API_RATE_LIMIT, default 600); 0: no limit. */
export function apiRateLimit(env: NodeJS.ProcessEnv = process.env): number {
  return countSetting(env, "OPENCLS_API_RATE_LIMIT", DEFAULT_API_RATE_LIMIT, "the open data API's requests per minute and client");
}

export const DEFAULT_API_RATE_LIMIT = 600;

function countSetting(env: NodeJS.ProcessEnv, name: string, fallback: number, meaning: string): number {
  const value = env[name]?.trim();
  if (!value) return fallback;
  const count = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(count)) {
    throw new StartupError(`${name} must be ${meaning} (0 or more), got "${value}"`);
  }
  return count;
}

/**
 * The origins (scheme, host, port) whose pages may send POST, PUT, PATCH or DELETE requests:
 * OPENCLS_ALLOWED_ORIGINS (comma-separated), or else the origin of NEXTAUTH_URL, the address
 * users open (lib/cli/start.ts sets it). Neither set: no origin is allowed, so nothing can be
 * changed rather than everything.
 */
export function allowedOrigins(env: NodeJS.ProcessEnv = process.env): string[] {
  const listed = env.OPENCLS_ALLOWED_ORIGINS?.split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (listed?.length) return listed.map((entry) => originOf(entry, "OPENCLS_ALLOWED_ORIGINS"));
  const publicUrl = env.NEXTAUTH_URL?.trim();
  return publicUrl ? [originOf(publicUrl, "NEXTAUTH_URL")] : [];
}

/** Served over HTTPS: the address users open says so (next-auth's Secure cookies follow the same rule). */
export function servedOverHttps(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.NEXTAUTH_URL?.trim().toLowerCase().startsWith("https://") ?? false;
}

function originOf(value: string, name: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new StartupError(`${name} must list absolute addresses such as https://opencls.exemple.fr, got "${value}"`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new StartupError(`${name} must list http:// or https:// addresses, got "${value}"`);
  }
  return url.origin;
}
