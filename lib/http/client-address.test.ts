import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { applyTrustedProxies, CLIENT_ADDRESS_HEADER, clientIp, resolveClientAddress, UNKNOWN_CLIENT } from "./client-address";

const address = fc.oneof(fc.ipV4(), fc.ipV6());
// Anything a client may put in a header: addresses, lists of them, garbage.
const claim = fc.oneof(
  address,
  fc.array(address, { maxLength: 5 }).map((list) => list.join(", ")),
  fc.string(),
  fc.constantFrom("unknown", "127.0.0.1", ", ,", "::1, 10.0.0.1"),
);
const clientHeaders = fc.record(
  { "x-forwarded-for": claim, "x-real-ip": claim, forwarded: claim, [CLIENT_ADDRESS_HEADER]: claim },
  { requiredKeys: [] },
);

describe("client address", () => {
  it("with no trusted proxy, nothing the client sends changes it: it is the socket's address (property)", () => {
    fc.assert(
      fc.property(clientHeaders, address, (sent, socketAddress) => {
        const headers: Record<string, string | string[] | undefined> = { ...sent };
        applyTrustedProxies(headers, socketAddress, 0);
        expect(clientIp(headers)).toBe(socketAddress);
        expect(clientIp(new Headers(headers as Record<string, string>))).toBe(socketAddress);
        expect(headers).not.toHaveProperty("x-forwarded-for");
        expect(headers).not.toHaveProperty("x-real-ip");
      }),
    );
  });

  it("behind N trusted proxies, it is the address the outermost one saw, whatever the client claimed before it (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(claim, { maxLength: 4 }),
        address,
        fc.array(address, { minLength: 4, maxLength: 4 }),
        (proxies, claims, client, hops) => {
          // Each proxy appends the address that connected to it; the innermost proxy is the socket's peer.
          const forwardedFor = [...claims, client, ...hops.slice(0, proxies - 1)].join(", ");
          const headers: Record<string, string> = { "x-forwarded-for": forwardedFor };
          applyTrustedProxies(headers, hops[proxies - 1], proxies);
          expect(clientIp(headers)).toBe(client);
        },
      ),
    );
  });

  it("is unknown when fewer hops than configured wrote the header, a hop wrote no address, or the request did not pass through our server", () => {
    expect(resolveClientAddress("203.0.113.9", "192.0.2.1", 2)).toBe(UNKNOWN_CLIENT);
    expect(resolveClientAddress("203.0.113.9, <script>", "192.0.2.1", 1)).toBe(UNKNOWN_CLIENT);
    expect(resolveClientAddress(undefined, "::ffff:127.0.0.1", 0)).toBe("127.0.0.1");
    expect(clientIp(undefined)).toBe(UNKNOWN_CLIENT);
    expect(clientIp(new Headers({ "x-forwarded-for": "203.0.113.9" }))).toBe(UNKNOWN_CLIENT);
  });
});
