import { describe, expect, it } from "vitest";
import { allowedOrigins, apiRateLimit, maxConcurrentRenders, servedOverHttps, trustedProxyCount } from "./config";

const env = (vars: Record<string, string> = {}): NodeJS.ProcessEnv => ({ NODE_ENV: "test", ...vars });

describe("request trust settings", () => {
  it("count no proxy by default and refuse a count that is not a whole number", () => {
    expect(trustedProxyCount(env())).toBe(0);
    expect(trustedProxyCount(env({ OPENCLS_TRUSTED_PROXIES: " 2 " }))).toBe(2);
    for (const bad of ["-1", "1.5", "deux", "1e3", "0x1"]) {
      expect(() => trustedProxyCount(env({ OPENCLS_TRUSTED_PROXIES: bad }))).toThrow(/OPENCLS_TRUSTED_PROXIES/);
    }
  });

  it("render 12 requests at once by default, any whole number when set, 0 for no limit", () => {
    expect(maxConcurrentRenders(env())).toBe(12);
    expect(maxConcurrentRenders(env({ OPENCLS_MAX_RENDERS: "4" }))).toBe(4);
    expect(maxConcurrentRenders(env({ OPENCLS_MAX_RENDERS: "0" }))).toBe(0);
    expect(() => maxConcurrentRenders(env({ OPENCLS_MAX_RENDERS: "douze" }))).toThrow(/OPENCLS_MAX_RENDERS/);
  });

  it("allow 600 open data requests a minute per client by default, any whole number when set, 0 for no limit", () => {
    expect(apiRateLimit(env())).toBe(600);
    expect(apiRateLimit(env({ OPENCLS_API_RATE_LIMIT: "1000000" }))).toBe(1_000_000);
    expect(apiRateLimit(env({ OPENCLS_API_RATE_LIMIT: "0" }))).toBe(0);
    expect(() => apiRateLimit(env({ OPENCLS_API_RATE_LIMIT: "beaucoup" }))).toThrow(/OPENCLS_API_RATE_LIMIT/);
  });

  it("allow the origin of NEXTAUTH_URL by default, or the configured list instead", () => {
    expect(allowedOrigins(env({ NEXTAUTH_URL: "http://localhost:3000/" }))).toEqual(["http://localhost:3000"]);
    expect(allowedOrigins(env({ NEXTAUTH_URL: "https://cls.exemple.fr/base/path" }))).toEqual(["https://cls.exemple.fr"]);
    expect(
      allowedOrigins(
        env({ NEXTAUTH_URL: "https://cls.exemple.fr", OPENCLS_ALLOWED_ORIGINS: "https://a.exemple.fr, HTTPS://B.exemple.fr:8443/" }),
      ),
    ).toEqual(["https://a.exemple.fr", "https://b.exemple.fr:8443"]);
    expect(allowedOrigins(env())).toEqual([]);
    expect(() => allowedOrigins(env({ OPENCLS_ALLOWED_ORIGINS: "cls.exemple.fr" }))).toThrow(/OPENCLS_ALLOWED_ORIGINS/);
    expect(() => allowedOrigins(env({ OPENCLS_ALLOWED_ORIGINS: "ftp://cls.exemple.fr" }))).toThrow(/OPENCLS_ALLOWED_ORIGINS/);
  });

  it("serve over HTTPS exactly when NEXTAUTH_URL is an https:// address", () => {
    expect(servedOverHttps(env({ NEXTAUTH_URL: "https://cls.exemple.fr" }))).toBe(true);
    expect(servedOverHttps(env({ NEXTAUTH_URL: "http://localhost:3000" }))).toBe(false);
    expect(servedOverHttps(env())).toBe(false);
  });
});
