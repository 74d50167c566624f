import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clientIp, UNKNOWN_CLIENT } from "./client-address";
import { trustedRequestHeaders } from "./forwarded-headers";

const env = (proxies?: number): NodeJS.ProcessEnv => ({ NODE_ENV: "test", ...(proxies === undefined ? {} : { OPENCLS_TRUSTED_PROXIES: String(proxies) }) });
const address = fc.oneof(fc.ipV4(), fc.ipV6());
// Anything a client may put in a header: addresses, lists of them, garbage.
const claim = fc.oneof(address, fc.array(address, { maxLength: 5 }).map((list) => list.join(", ")), fc.string(), fc.constantFrom("unknown", "127.0.0.1", ", ,", "::1, 10.0.0.1"));
const clientHeaders = fc.record({ "x-forwarded-for": claim, "x-real-ip": claim, forwarded: claim }, { requiredKeys: [] });

/** What Next.js does after proxy.ts: `x-forwarded-for ??= socket.remoteAddress` (next/dist/server/base-server.js). */
function asNextJsPassesIt(headers: Headers, socketAddress: string): Headers {
  if (!headers.has("x-forwarded-for")) headers.set("x-forwarded-for", socketAddress);
  return headers;
}

describe("client address", () => {
  it("with no trusted proxy, no X-Forwarded-For, X-Real-IP or Forwarded value changes the result: it is the socket's address", () => {
    for (const proxies of [undefined, 0]) {
      fc.assert(
        fc.property(clientHeaders, address, (sent, socketAddress) => {
          const headers = asNextJsPassesIt(trustedRequestHeaders(new Headers(sent), env(proxies)), socketAddress);
          expect(clientIp(headers, env(proxies))).toBe(socketAddress);
          // Next.js's plain-object form (next-auth's authorize()) reads the same.
          expect(clientIp(Object.fromEntries(headers), env(proxies))).toBe(socketAddress);
        }),
      );
    }
  });

  it("behind N trusted proxies, it is the address the outermost one saw, whatever the client claimed before it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 4 }), fc.array(claim, { maxLength: 4 }), address, fc.array(address, { minLength: 3, maxLength: 3 }), clientHeaders, (proxies, claims, client, innerProxies, other) => {
        // Each proxy appends the address that connected to it: the client, then the proxies inside the outermost.
        const chain = [...claims, client, ...innerProxies.slice(0, proxies - 1)].join(", ");
        const headers = asNextJsPassesIt(trustedRequestHeaders(new Headers({ ...other, "x-forwarded-for": chain }), env(proxies)), innerProxies[2]);
        expect(clientIp(headers, env(proxies))).toBe(client);
      }),
    );
  });

  it("is unknown when fewer hops than configured wrote the header, or a hop wrote no address", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.9" }), env(2))).toBe(UNKNOWN_CLIENT);
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.9, <script>" }), env(1))).toBe(UNKNOWN_CLIENT);
    expect(clientIp(new Headers(), env(1))).toBe(UNKNOWN_CLIENT);
    expect(clientIp(undefined, env(0))).toBe(UNKNOWN_CLIENT);
    expect(clientIp({ "X-Forwarded-For": ["198.51.100.1", "203.0.113.9"] }, env(1))).toBe("203.0.113.9");
  });

  it("never reads X-Real-IP", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), claim, claim, (proxies, forwardedFor, realIp) => {
        const without = new Headers({ "x-forwarded-for": forwardedFor });
        const withRealIp = new Headers({ "x-forwarded-for": forwardedFor, "x-real-ip": realIp });
        expect(clientIp(withRealIp, env(proxies))).toBe(clientIp(without, env(proxies)));
      }),
    );
  });
});
