import { describe, expect, it } from "vitest";
import { crossSiteRefusal, isRefusedCrossSite, ONE_CLICK_UNSUBSCRIBE_PATH_PREFIX } from "./cross-site";

const ALLOWED = ["https://cls.exemple.fr"];
const SITE = "https://cls.exemple.fr";

function request(
  init: { method?: string; path?: string; origin?: string | null; headers?: Record<string, string>; body?: BodyInit } = {},
): Request {
  const { method = "POST", path = "/espace/romans", origin = SITE, headers = {}, body } = init;
  return new Request(`${SITE}${path}`, { method, body, headers: { ...(origin === null ? {} : { origin }), ...headers } });
}

/** A form POST without Origin, with the Content-Type and Content-Length a mail client would send. */
async function formPost(
  path: string,
  body: URLSearchParams | FormData,
  init: { method?: string; headers?: Record<string, string> } = {},
): Promise<Request> {
  const encoded = new Response(body);
  const bytes = await encoded.arrayBuffer();
  const headers = { "content-type": encoded.headers.get("content-type")!, "content-length": String(bytes.byteLength), ...init.headers };
  return new Request(`${SITE}${path}`, { method: init.method ?? "POST", body: bytes, headers });
}

describe("cross-site requests", () => {
  it("let reads through from anywhere", async () => {
    for (const method of ["GET", "HEAD", "OPTIONS"])
      expect(await isRefusedCrossSite(request({ method, origin: null }), ALLOWED)).toBe(false);
  });

  it("refuse every other method without an allowed Origin, unknown methods included", async () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE", "PROPFIND"]) {
      expect(await isRefusedCrossSite(request({ method, origin: null }), ALLOWED)).toBe(true);
      expect(await isRefusedCrossSite(request({ method, origin: "https://evil.test" }), ALLOWED)).toBe(true);
      expect(await isRefusedCrossSite(request({ method }), ALLOWED)).toBe(false);
    }
  });

  it("compare whole origins: scheme, host and port", async () => {
    for (const origin of [
      "null",
      "http://cls.exemple.fr",
      "https://cls.exemple.fr:8443",
      "https://cls.exemple.fr.evil.test",
      "https://evil.test/https://cls.exemple.fr",
      "https://cls.exemple.fr/x",
      "https://user@cls.exemple.fr",
      "",
    ]) {
      expect(await isRefusedCrossSite(request({ origin }), ALLOWED), origin).toBe(true);
    }
    expect(await isRefusedCrossSite(request({ origin: "HTTPS://CLS.exemple.fr" }), ALLOWED)).toBe(false);
    expect(await isRefusedCrossSite(request(), [])).toBe(true);
  });

  it("let one-click unsubscription (RFC 8058) through without Origin, url-encoded or multipart", async () => {
    const path = `${ONE_CLICK_UNSUBSCRIBE_PATH_PREFIX}jeton`;
    const multipart = new FormData();
    multipart.set("List-Unsubscribe", "One-Click");
    expect(await isRefusedCrossSite(await formPost(path, new URLSearchParams("List-Unsubscribe=One-Click")), ALLOWED)).toBe(false);
    expect(await isRefusedCrossSite(await formPost(path, multipart), ALLOWED)).toBe(false);
  });

  it("refuse anything else posted there: a server action, more fields, another body, another path or method", async () => {
    const path = `${ONE_CLICK_UNSUBSCRIBE_PATH_PREFIX}jeton`;
    const oneClick = () => new URLSearchParams("List-Unsubscribe=One-Click");
    const action = new FormData();
    action.set("List-Unsubscribe", "One-Click");
    action.set("$ACTION_ID_0123456789abcdef0123456789abcdef01234567", "");
    const refused = {
      "fetch action": await formPost(path, oneClick(), { headers: { "next-action": "0123456789abcdef0123456789abcdef01234567" } }),
      "form action": await formPost(path, action),
      "another field": await formPost(path, new URLSearchParams("List-Unsubscribe=One-Click&autre=1")),
      "another value": await formPost(path, new URLSearchParams("List-Unsubscribe=Tout")),
      "a large body": await formPost(path, new URLSearchParams(`List-Unsubscribe=One-Click&x=${"a".repeat(2000)}`)),
      "no length": new Request(`${SITE}${path}`, { method: "POST", body: oneClick() }),
      "the prefix without slash": await formPost("/desabonnement", oneClick()),
      "the prefix further down": await formPost("/espace/desabonnement/jeton", oneClick()),
      PUT: await formPost(path, oneClick(), { method: "PUT" }),
    };
    for (const [name, made] of Object.entries(refused)) expect(await isRefusedCrossSite(made, ALLOWED), name).toBe(true);
  });

  it("answer 403 with a French sentence", async () => {
    const response = crossSiteRefusal();
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await response.text()).toMatch(/^Requête refusée/);
  });
});
