import { describe, expect, it } from "vitest";
import { clientGroup, createRateLimiter, rateLimitHeaders } from "./rate-limit";

// Flushes never run here (an hour away, and the timer does not hold the process): each limiter counts alone.
const limiter = (limit: number, now = () => Date.UTC(2026, 0, 1, 12, 0, 30)) =>
  createRateLimiter({ name: "unit", windowSeconds: 60, limit: () => limit, flushMs: 3_600_000, now });

describe("rate limiter", () => {
  it("allows `limit` requests per window and client, then refuses until the window ends", () => {
    const quota = limiter(2);
    expect([1, 2, 3].map(() => quota.hit("203.0.113.1").allowed)).toEqual([true, true, false]);
    expect(quota.hit("203.0.113.2")).toEqual({ allowed: true, limit: 2, remaining: 1, resetSeconds: 30 });
  });

  it("starts each window afresh", () => {
    let time = Date.UTC(2026, 0, 1, 12, 0, 59);
    const quota = limiter(1, () => time);
    expect(quota.hit("203.0.113.1").allowed).toBe(true);
    expect(quota.hit("203.0.113.1").allowed).toBe(false);
    time += 2_000;
    expect(quota.hit("203.0.113.1")).toMatchObject({ allowed: true, resetSeconds: 59 });
  });

  it("limits nothing with a limit of 0, and then sends no quota headers", () => {
    const quota = limiter(0);
    const decision = [1, 2, 3].map(() => quota.hit("203.0.113.1")).at(-1)!;
    expect(decision.allowed).toBe(true);
    expect(rateLimitHeaders(decision)).toEqual({});
  });

  it("tells the quota in headers, and when to come back once it is spent", () => {
    expect(rateLimitHeaders({ allowed: false, limit: 600, remaining: 0, resetSeconds: 12 })).toEqual({
      "RateLimit-Limit": "600",
      "RateLimit-Remaining": "0",
      "RateLimit-Reset": "12",
      "Retry-After": "12",
    });
  });

  it("counts clients past the memory bound together", () => {
    const quota = createRateLimiter({ name: "unit", windowSeconds: 60, limit: () => 2, flushMs: 3_600_000, maxClients: 2 });
    quota.hit("203.0.113.1");
    quota.hit("203.0.113.2");
    expect(quota.hit("203.0.113.3").allowed).toBe(true);
    expect(quota.hit("203.0.113.4").allowed).toBe(true);
    expect(quota.hit("203.0.113.5").allowed).toBe(false);
  });
});

describe("clientGroup", () => {
  it("keeps an IPv4 address, and groups an IPv6 one by its /64 network whatever its spelling", () => {
    expect(clientGroup("203.0.113.9")).toBe("203.0.113.9");
    expect(clientGroup("unknown")).toBe("unknown");
    expect(clientGroup("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(clientGroup("2001:0DB8:0001:0002:ffff:0:0:9")).toBe("2001:db8:1:2::/64");
    expect(clientGroup("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(clientGroup("::1")).toBe("0:0:0:0::/64");
    expect(clientGroup("64:ff9b::192.0.2.33")).toBe("64:ff9b:0:0::/64");
  });
});
