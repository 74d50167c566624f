// The client's IP address, for throttling and the audit log: forwarded headers count only as
// far as OPENCLS_TRUSTED_PROXIES says proxies stand in front of the app.
import { isIP } from "node:net";
import { trustedProxyCount } from "./config";
import { readHeader, type RequestHeaders } from "./headers";

/** No usable address: the request came through fewer hops than configured, or a hop wrote garbage. */
export const UNKNOWN_CLIENT = "unknown";

/**
 * Behind N trusted proxies, the N-th address from the right of X-Forwarded-For: each proxy
 * appends the address that connected to it, so the entries left of the outermost trusted proxy's
 * are the client's own claims.
 *
 * With no proxy (0, the default), the client's X-Forwarded-For and X-Real-IP never reach this
 * function: proxy.ts removes them (./forwarded-headers.ts), and Next.js then writes the socket's
 * remote address into X-Forwarded-For. Next.js 16 gives route handlers, server actions and
 * next-auth's authorize() no other way to the socket address, so that single entry, the last, is
 * the address. Hence 0 and 1 both read the last entry; they differ in who wrote it.
 */
export function clientIp(headers: RequestHeaders, env: NodeJS.ProcessEnv = process.env): string {
  const hops = Math.max(trustedProxyCount(env), 1);
  const chain = (readHeader(headers, "x-forwarded-for") ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  const address = chain.length >= hops ? chain[chain.length - hops] : undefined;
  return address && isIP(address) ? address : UNKNOWN_CLIENT;
}
