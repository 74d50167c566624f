import { describe, expect, it } from "vitest";
import { crossSiteRefusal, isRefusedCrossSite, ONE_CLICK_UNSUBSCRIBE_PATH_PREFIX } from "./cross-site";

const ALLOWED = ["https://cls.exemple.fr"];
const request = (facts: Partial<Parameters<typeof isRefusedCrossSite>[0]> = {}) => ({ method: "POST", pathname: "/espace/romans", origin: "https://cls.exemple.fr", isServerAction: true, ...facts });

describe("cross-site requests", () => {
  it("let reads through from anywhere", () => {
    for (const method of ["GET", "HEAD", "OPTIONS", "get"]) expect(isRefusedCrossSite(request({ method, origin: null }), ALLOWED)).toBe(false);
  });

  it("refuse every other method without an allowed Origin, unknown methods included", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "post", "PROPFIND"]) {
      expect(isRefusedCrossSite(request({ method, origin: null }), ALLOWED)).toBe(true);
      expect(isRefusedCrossSite(request({ method, origin: "https://evil.test" }), ALLOWED)).toBe(true);
      expect(isRefusedCrossSite(request({ method }), ALLOWED)).toBe(false);
    }
  });

  it("compare whole origins: scheme, host and port", () => {
    for (const origin of ["null", "http://cls.exemple.fr", "https://cls.exemple.fr:8443", "https://cls.exemple.fr.evil.test", "https://evil.test/https://cls.exemple.fr", "https://cls.exemple.fr/x", "https://user@cls.exemple.fr", ""]) {
      expect(isRefusedCrossSite(request({ origin }), ALLOWED), origin).toBe(true);
    }
    expect(isRefusedCrossSite(request({ origin: "HTTPS://CLS.exemple.fr" }), ALLOWED)).toBe(false);
    expect(isRefusedCrossSite(request({ origin: "https://cls.exemple.fr" }), [])).toBe(true);
  });

  it("let one-click unsubscription (RFC 8058) through without Origin, but never a server action posted there", () => {
    const pathname = `${ONE_CLICK_UNSUBSCRIBE_PATH_PREFIX}jeton`;
    expect(isRefusedCrossSite(request({ pathname, origin: null, isServerAction: false }), ALLOWED)).toBe(false);
    expect(isRefusedCrossSite(request({ pathname, origin: null, isServerAction: true }), ALLOWED)).toBe(true);
    expect(isRefusedCrossSite(request({ pathname, origin: null, isServerAction: false, method: "DELETE" }), ALLOWED)).toBe(true);
    expect(isRefusedCrossSite(request({ pathname: "/desabonnement", origin: null, isServerAction: false }), ALLOWED)).toBe(true);
  });

  it("answer 403 with a French sentence", async () => {
    const response = crossSiteRefusal();
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await response.text()).toMatch(/^Requête refusée/);
  });
});
