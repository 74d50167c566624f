import { describe, expect, it } from "vitest";
import {
  currentGeneration,
  findPage,
  invalidateLocally,
  keepPage,
  keptPublicText,
  nonceOf,
  publicPageKey,
  setListening,
  withNonce,
} from "./cache";

const get = (url: string, headers: Record<string, string> = {}) => publicPageKey({ method: "GET", url, headers });

describe("publicPageKey", () => {
  it("keys the home page by its list parameters, in a fixed order", () => {
    expect(get("/")).toBe("/");
    expect(get("/?region=occitanie&page=2")).toBe("/?page=2&region=occitanie");
    expect(get("/?page=2&region=occitanie")).toBe("/?page=2&region=occitanie");
    // The filter form sends its unset selects empty: the same page as without them.
    expect(get("/?region=occitanie&departement=&statut=signed")).toBe("/?region=occitanie&statut=signed");
    expect(get("/?commune=26100")).toBe("/?commune=26100");
    // Words the home page does not read make no copy of their own.
    expect(get("/?q=sante")).toBeNull();
    expect(get("/?encore")).toBeNull();
  });

  it("keys a search by its words and facets, in a fixed order, and renders anything else", () => {
    expect(get("/recherche")).toBe("/recherche");
    expect(get("/recherche?region=bretagne&q=sant%C3%A9+mentale")).toBe("/recherche?q=sant%C3%A9+mentale&region=bretagne");
    expect(get("/recherche?q=a&q=b")).toBeNull();
    expect(get("/recherche?q=a&utm_source=mail")).toBeNull();
    expect(get(`/recherche?q=${"a".repeat(531)}`)).toBeNull();
    expect(get("/recherche?q=prevention&prs=2.3+%E2%80%93+Pr%C3%A9venir")).toBe("/recherche?prs=2.3+%E2%80%93+Pr%C3%A9venir&q=prevention");
  });

  it("keys a territory page and its contracts' pages by their path, and renders what could name no contract", () => {
    expect(get("/territoires/romans-sur-isere")).toBe("/territoires/romans-sur-isere");
    expect(get("/territoires/romans-sur-isere/cls-1")).toBe("/territoires/romans-sur-isere/cls-1");
    expect(get("/territoires/romans-sur-isere/cls-0")).toBeNull();
  });

  it("keys the open data page, without parameters only", () => {
    expect(get("/donnees")).toBe("/donnees");
    expect(get("/donnees?format=csv")).toBeNull();
    expect(get("/donnees/x")).toBeNull();
  });

  it("keys a published fiche's page by its path, and renders what could name no fiche", () => {
    expect(get("/territoires/romans-sur-isere/cls-1/fiches/4")).toBe("/territoires/romans-sur-isere/cls-1/fiches/4");
    expect(get("/territoires/romans-sur-isere/cls-1/fiches/4?vue=x")).toBeNull();
    expect(get("/territoires/romans-sur-isere/cls-01/fiches/4")).toBeNull();
    expect(get("/territoires/romans-sur-isere/cls-1/fiches/0")).toBeNull();
    expect(get("/territoires/romans-sur-isere/cls-1/fiches/4/x")).toBeNull();
    expect(get("/territoires/Romans/cls-1/fiches/4")).toBeNull();
  });

  it("renders what a public page does not take or an anonymous visitor does not see", () => {
    expect(publicPageKey({ method: "POST", url: "/", headers: {} })).toBeNull();
    expect(publicPageKey({ method: "HEAD", url: "/", headers: {} })).toBeNull();
    expect(get("/", { cookie: "theme=x; next-auth.session-token=abc" })).toBeNull();
    expect(get("/", { cookie: "__Secure-next-auth.session-token.0=abc" })).toBeNull();
    expect(get("/", { rsc: "1" })).toBeNull();
    expect(get("/", { "next-router-prefetch": "1" })).toBeNull();
    expect(get("/?utm_source=mail")).toBeNull();
    expect(get("/?page=1&page=2")).toBeNull();
    expect(get(`/?${Array.from({ length: 4000 }, (_, index) => `p${index}=1`).join("&")}`)).toBeNull();
    expect(get(`/?commune=${"a".repeat(101)}`)).toBeNull();
    expect(get("/territoires/romans-sur-isere?page=2")).toBeNull();
    expect(get("/territoires/Romans")).toBeNull();
    expect(get("/territoires/a/b")).toBeNull();
    expect(get("/espace")).toBeNull();
    expect(get("/api/health")).toBeNull();
  });

  it("accepts cookies that are not a session", () => {
    expect(get("/", { cookie: "next-auth.csrf-token=abc" })).toBe("/");
  });
});

describe("withNonce", () => {
  it("puts the response's nonce wherever the page had its own, and nowhere else", () => {
    const page = {
      nonce: "OLDnonce+/==",
      headers: { "content-security-policy": "script-src 'nonce-OLDnonce+/=='", link: ['<a.css>; nonce="OLDnonce+/=="'] },
      body: '<script nonce="OLDnonce+/==">1</script><p>OLDnonce</p>',
    };
    expect(withNonce(page, "NEW")).toEqual({
      headers: { "content-security-policy": "script-src 'nonce-NEW'", link: ['<a.css>; nonce="NEW"'] },
      body: '<script nonce="NEW">1</script><p>OLDnonce</p>',
    });
  });

  it("reads the nonce of a policy", () => {
    expect(nonceOf("default-src 'self'; script-src 'self' 'nonce-ab+/cd==' 'strict-dynamic'")).toBe("ab+/cd==");
    expect(nonceOf("default-src 'self'")).toBeUndefined();
    expect(nonceOf(undefined)).toBeUndefined();
  });
});

describe("the store", () => {
  const page = { nonce: "n", headers: {}, body: "<p>page</p>" };

  it("keeps and serves pages only while invalidations are heard", () => {
    setListening(false);
    expect(keepPage("/", page, currentGeneration())).toBe(false);
    setListening(true);
    expect(keepPage("/", page, currentGeneration())).toBe(true);
    expect(findPage("/")).toEqual(page);
    setListening(false);
    expect(findPage("/")).toBeUndefined();
  });

  it("drops every page on an invalidation, and a render that began before it", () => {
    setListening(true);
    keepPage("/", page, currentGeneration());
    const renderBegan = currentGeneration();
    invalidateLocally();
    expect(findPage("/")).toBeUndefined();
    expect(keepPage("/territoires/a", page, renderBegan)).toBe(false);
    expect(findPage("/territoires/a")).toBeUndefined();
  });

  it("serves a page only on the day in Paris its render began: what it says of today goes stale at midnight", () => {
    setListening(true);
    // 23:59 in Paris (UTC+1 in winter) on 12 March 2026, then one minute later.
    const lateEvening = new Date("2026-03-12T22:59:00Z");
    const midnight = new Date("2026-03-12T23:00:00Z");
    keepPage("/territoires/a", page, currentGeneration(), lateEvening);
    expect(findPage("/territoires/a", new Date("2026-03-12T22:59:59Z"))).toEqual(page);
    expect(findPage("/territoires/a", midnight)).toBeUndefined();
    // Gone, not only hidden: the morning render takes its place.
    expect(findPage("/territoires/a", lateEvening)).toBeUndefined();
    // A render that began just before midnight is not served after it, even if it ends later.
    keepPage("/territoires/b", page, currentGeneration(), new Date("2026-03-12T22:59:59.900Z"));
    expect(findPage("/territoires/b", new Date("2026-03-12T23:00:00.100Z"))).toBeUndefined();
    keepPage("/territoires/b", page, currentGeneration(), midnight);
    expect(findPage("/territoires/b", new Date("2026-03-13T12:00:00Z"))).toEqual(page);
  });

  it("keeps a shared text like a page: computed once, again after an invalidation, never while deaf to them", async () => {
    let computed = 0;
    const index = async () => `<sitemapindex>${++computed}</sitemapindex>`;
    setListening(true);
    expect(await keptPublicText("/sitemap.xml", index)).toBe("<sitemapindex>1</sitemapindex>");
    expect(await keptPublicText("/sitemap.xml", index)).toBe("<sitemapindex>1</sitemapindex>");
    // Its key is no page's: a request for the path is rendered, not answered with the text.
    expect(findPage("/sitemap.xml")).toBeUndefined();
    invalidateLocally();
    expect(await keptPublicText("/sitemap.xml", index)).toBe("<sitemapindex>2</sitemapindex>");
    setListening(false);
    expect(await keptPublicText("/sitemap.xml", index)).toBe("<sitemapindex>3</sitemapindex>");
    expect(await keptPublicText("/sitemap.xml", index)).toBe("<sitemapindex>4</sitemapindex>");
  });
});
