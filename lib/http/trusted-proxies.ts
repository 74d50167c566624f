// What the app believes about where a request comes from. By default it is reached directly
// (OPENCLS_TRUSTED_PROXIES=0): X-Forwarded-* headers are the client's own words and are dropped;
// behind N reverse proxies, the client is the address N hops before the socket's peer.
import type { IncomingHttpHeaders } from "node:http";

/** Set by OpenCLS's own HTTP server on every request, overwriting whatever the client sent. */
export const CLIENT_ADDRESS_HEADER = "x-opencls-client-address";

const FORWARDING_HEADERS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"] as const;

export function trustedProxyCount(env: Record<string, string | undefined> = process.env): number {
  const value = env.OPENCLS_TRUSTED_PROXIES?.trim();
  if (!value) return 0;
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0 || count > 10) throw new Error(`OPENCLS_TRUSTED_PROXIES must be a whole number from 0 to 10, got "${value}"`);
  return count;
}

/**
 * The client's address: the socket's peer when no proxy is trusted; else the address that the
 * outermost trusted proxy saw, read from the right of X-Forwarded-For (the part a client can
 * forge is on the left).
 */
export function resolveClientAddress(forwardedFor: string | string[] | undefined, socketAddress: string | undefined, trustedProxies: number): string {
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  const chain = [...forwarded, socketAddress ?? "unknown"];
  return normaliseAddress(chain[Math.max(0, chain.length - 1 - trustedProxies)]);
}

/** "::ffff:127.0.0.1" and "127.0.0.1" are one client. */
const normaliseAddress = (address: string) => address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1").slice(0, 45);

/** Rewrites a request's headers in place before Next.js reads them. */
export function applyTrustedProxies(headers: IncomingHttpHeaders, socketAddress: string | undefined, trustedProxies: number): void {
  headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(headers["x-forwarded-for"], socketAddress, trustedProxies);
  // Without a trusted proxy, Next.js fills X-Forwarded-Host/Proto from the real request itself.
  if (trustedProxies === 0) for (const name of FORWARDING_HEADERS) delete headers[name];
}

/** The client address of a request that passed through OpenCLS's server ("unknown" otherwise). */
export function clientIp(headers: Record<string, string | string[] | undefined> | Headers | undefined): string {
  const value = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers?.[CLIENT_ADDRESS_HEADER];
  return (Array.isArray(value) ? value[0] : value) || "unknown";
}
