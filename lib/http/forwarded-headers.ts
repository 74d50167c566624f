// Headers a reverse proxy writes about the client. Sent by the client itself they are lies:
// with no trusted proxy (the default) proxy.ts removes them before anything else reads them.
import { trustedProxyCount } from "./config";

export const FORWARDING_HEADERS = [
  "forwarded",
  "x-forwarded-for",
  "x-forwarded-host",
  "x-forwarded-port",
  "x-forwarded-proto",
  "x-real-ip",
] as const;

/**
 * The request headers the app may believe. Without trusted proxies every forwarding header is
 * dropped; Next.js then writes its own from the connection (`X-Forwarded-For` from the socket's
 * address, `X-Forwarded-Host` from Host, `X-Forwarded-Proto` from TLS: `??=` in
 * next/dist/server/base-server.js, `handleRequestImpl`), and its server-action origin check
 * compares Origin with that Host, not with a client's X-Forwarded-Host.
 */
export function trustedRequestHeaders(headers: Headers, env: NodeJS.ProcessEnv = process.env): Headers {
  const trusted = new Headers(headers);
  if (trustedProxyCount(env) === 0) for (const name of FORWARDING_HEADERS) trusted.delete(name);
  return trusted;
}
