import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, createNonce, securityHeaders, STRICT_TRANSPORT_SECURITY } from "./content-security-policy";

const directives = (policy: string) =>
  new Map(policy.split("; ").map((directive) => [directive.split(" ")[0], directive.split(" ").slice(1)]));
const env = (vars: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  NODE_ENV: "production",
  NEXTAUTH_URL: "http://localhost:3000",
  ...vars,
});

describe("content security policy", () => {
  it("lets scripts run only with the nonce: no inline code, no eval, no plugins, no framing, no foreign base or form", () => {
    const policy = directives(contentSecurityPolicy({ nonce: "abc" }));
    expect(policy.get("script-src")).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'"]);
    expect(policy.get("style-src")).toEqual(["'self'", "'nonce-abc'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("base-uri")).toEqual(["'self'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'"]);
    expect(policy.get("default-src")).toEqual(["'self'"]);
    expect([...policy.values()].flat()).not.toContain("'unsafe-eval'");
    expect(policy.has("upgrade-insecure-requests")).toBe(false);
  });

  it("allows eval and inline styles only under next dev, and upgrades requests only over HTTPS", () => {
    const development = directives(contentSecurityPolicy({ nonce: "abc", development: true }));
    expect(development.get("script-src")).toContain("'unsafe-eval'");
    expect(development.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives(contentSecurityPolicy({ nonce: "abc", https: true })).has("upgrade-insecure-requests")).toBe(true);
  });

  it("lets forms hand over to ProConnect when it is configured", () => {
    const proConnect = {
      PROCONNECT_ISSUER: "https://auth.agentconnect.gouv.fr/api/v2",
      PROCONNECT_CLIENT_ID: "id",
      PROCONNECT_CLIENT_SECRET: "secret",
    };
    expect(directives(securityHeaders("abc", env(proConnect))["Content-Security-Policy"]).get("form-action")).toEqual([
      "'self'",
      "https://auth.agentconnect.gouv.fr",
    ]);
    expect(directives(securityHeaders("abc", env())["Content-Security-Policy"]).get("form-action")).toEqual(["'self'"]);
  });

  it("adds Strict-Transport-Security only when served over HTTPS", () => {
    expect(securityHeaders("abc", env({ NEXTAUTH_URL: "https://cls.exemple.fr" }))["Strict-Transport-Security"]).toBe(
      STRICT_TRANSPORT_SECURITY,
    );
    expect(securityHeaders("abc", env())).not.toHaveProperty("Strict-Transport-Security");
  });

  it("draws a fresh 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, createNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});
