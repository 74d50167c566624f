import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyTrustedProxies, CLIENT_ADDRESS_HEADER, clientIp, resolveClientAddress } from "./trusted-proxies";

const address = fc.oneof(fc.ipV4(), fc.ipV6(), fc.string({ maxLength: 40 }));
const forwardedFor = fc.oneof(fc.constant(undefined), fc.array(address, { maxLength: 6 }).map((parts) => parts.join(", ")));

describe("client address", () => {
  it("ignores X-Forwarded-For entirely when no proxy is trusted (property)", () => {
    fc.assert(
      fc.property(forwardedFor, fc.ipV4(), (header, socket) => {
        expect(resolveClientAddress(header, socket, 0)).toBe(socket);
      }),
    );
  });

  it("behind N trusted proxies, takes the address the outermost one saw, whatever the client prepends (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.ipV4(), { maxLength: 4 }), fc.ipV4(), fc.array(fc.ipV4(), { minLength: 1, maxLength: 3 }), (forged, client, proxies) => {
        // The client forges the left part; each trusted proxy appends the peer it saw.
        const seen = [...forged, client, ...proxies.slice(0, -1)].join(", ");
        expect(resolveClientAddress(seen, proxies.at(-1), proxies.length)).toBe(client);
      }),
    );
  });

  it("treats IPv4-mapped IPv6 as the IPv4 address", () => {
    expect(resolveClientAddress(undefined, "::ffff:127.0.0.1", 0)).toBe("127.0.0.1");
  });

  it("overwrites a client-sent address header and drops forwarding headers without trusted proxies", () => {
    const headers = { host: "opencls.example", "x-forwarded-for": "203.0.113.9", "x-forwarded-host": "evil.test", [CLIENT_ADDRESS_HEADER]: "198.51.100.1" };
    applyTrustedProxies(headers, "192.0.2.10", 0);
    expect(clientIp(headers)).toBe("192.0.2.10");
    expect(headers).not.toHaveProperty("x-forwarded-host");
    expect(headers).not.toHaveProperty("x-forwarded-for");
  });
});
