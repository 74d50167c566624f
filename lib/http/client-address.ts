// The client's IP address, for throttling and the audit log. OpenCLS's own HTTP server
// (lib/server/http-server.ts) decides it once per request, before Next.js reads anything, and
// writes it into CLIENT_ADDRESS_HEADER, overwriting whatever the client sent: with no trusted
// proxy (OPENCLS_TRUSTED_PROXIES=0, the default) it is the socket's peer; behind N proxies, the
// address the outermost one saw. Next.js 16 gives route handlers, server actions and next-auth's
// authorize() no other way to the socket address.
import type { IncomingHttpHeaders } from "node:http";
import { isIP } from "node:net";
import { FORWARDING_HEADERS } from "./forwarded-headers";
import { readHeader, type RequestHeaders } from "./headers";

export const CLIENT_ADDRESS_HEADER = "x-opencls-client-address";

/** No usable address: the request came through fewer hops than configured, a hop wrote garbage, or it did not pass through our server. */
export const UNKNOWN_CLIENT = "unknown";

/**
 * Each proxy appends the address that connected to it, so behind N trusted proxies the client is
 * N entries from the right of [...X-Forwarded-For, socket peer]; what stands further left is the
 * client's own claim.
 */
export function resolveClientAddress(
  forwardedFor: string | string[] | undefined,
  socketAddress: string | undefined,
  trustedProxies: number,
): string {
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = [...forwarded, socketAddress ?? ""];
  const index = chain.length - 1 - trustedProxies;
  const address = index >= 0 ? normalise(chain[index]) : "";
  return isIP(address) ? address : UNKNOWN_CLIENT;
}

/** "::ffff:127.0.0.1" and "127.0.0.1" are one client. */
const normalise = (address: string) => address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1");

/** Rewrites a Node request's headers in place, before Next.js sees them. */
export function applyTrustedProxies(headers: IncomingHttpHeaders, socketAddress: string | undefined, trustedProxies: number): void {
  headers[CLIENT_ADDRESS_HEADER] = resolveClientAddress(headers["x-forwarded-for"], socketAddress, trustedProxies);
  // Without a trusted proxy, Next.js fills X-Forwarded-Host/Proto from the real request itself.
  if (trustedProxies === 0) for (const name of FORWARDING_HEADERS) delete headers[name];
}

export function clientIp(headers: RequestHeaders): string {
  const address = readHeader(headers, CLIENT_ADDRESS_HEADER);
  return address && isIP(address) ? address : UNKNOWN_CLIENT;
}
