// What search engines and link previews read: robots.txt, the sitemap index and its files, each
// public page's canonical URL and Open Graph tags; and the accessibility statement the footer of
// every page links to with the site's compliance status.
import { expect, test, type Page } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";
import { parseSitemapXml } from "../support/sitemap-xml";

const SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9";

test.describe("crawlers", () => {
  test("robots.txt keeps crawlers out of private areas and names the sitemap index, whose files list the public pages", async ({
    request,
    baseURL,
  }) => {
    const robots = await (await request.get("/robots.txt")).text();
    expect(robots).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
    for (const line of ["Disallow: /espace", "Disallow: /admin", "Disallow: /api/", "Allow: /api/v1/"])
      expect(robots.split("\n")).toContain(line);

    const index = await request.get("/sitemap.xml");
    expect(index.headers()["content-type"]).toContain("application/xml");
    const files = parseSitemapXml(await index.text());
    expect([files.root, files.namespace]).toEqual(["sitemapindex", SITEMAP_NAMESPACE]);
    expect(files.entries.length).toBeGreaterThan(0);

    const urls: string[] = [];
    for (const { loc } of files.entries) {
      expect(loc).toMatch(new RegExp(`^${baseURL}/sitemaps/\\d+\\.xml$`));
      const file = await request.get(loc.slice(baseURL!.length));
      expect(file.status()).toBe(200);
      const parsed = parseSitemapXml(await file.text());
      expect([parsed.root, parsed.namespace]).toEqual(["urlset", SITEMAP_NAMESPACE]);
      urls.push(...parsed.entries.map((entry) => entry.loc));
    }
    for (const path of ["/", "/accessibilite", "/territoires/romans-sur-isere", "/territoires/territoire-de-demonstration/cls-1/fiches/1"])
      expect(urls).toContain(`${baseURL}${path}`);
    expect(urls.filter((url) => !url.startsWith(`${baseURL}/`))).toEqual([]);
    expect(urls.filter((url) => /\/(espace|admin|connexion)(\/|$)/.test(url))).toEqual([]);
    expect((await request.get(`/sitemaps/${files.entries.length + 1}.xml`)).status()).toBe(404);
  });
});

/** The head's link and meta tags (they have no role: read by attribute). */
async function shareTags(page: Page) {
  const meta = (attribute: string, name: string) => page.locator(`head meta[${attribute}="${name}"]`).getAttribute("content");
  return {
    canonical: await page.locator('head link[rel="canonical"]').getAttribute("href"),
    type: await meta("property", "og:type"),
    url: await meta("property", "og:url"),
    title: await meta("property", "og:title"),
    description: await meta("property", "og:description"),
    locale: await meta("property", "og:locale"),
    siteName: await meta("property", "og:site_name"),
    card: await meta("name", "twitter:card"),
  };
}

test.describe("link previews", () => {
  for (const { path, type, title } of [
    { path: "/", type: "website", title: "OpenCLS · Contrats locaux de santé" },
    { path: "/territoires/romans-sur-isere", type: "website", title: "Contrat local de santé – Romans-sur-Isère" },
    {
      path: "/territoires/territoire-de-demonstration/cls-1/fiches/1",
      type: "article",
      title: /^Fiche n°\s1 – .+ – Territoire de démonstration$/,
    },
    { path: "/accessibilite", type: "website", title: "Déclaration d’accessibilité" },
  ]) {
    test(`${path} names its canonical URL and describes itself for link previews`, async ({ page, baseURL }) => {
      await page.goto(path);
      const tags = await shareTags(page);
      // Next.js writes the home page's canonical URL without the trailing slash.
      const canonical = `${baseURL}${path === "/" ? "" : path}`;
      expect(tags).toMatchObject({ canonical, url: canonical, type, locale: "fr_FR", siteName: "OpenCLS", card: "summary" });
      expect(tags.title).toMatch(title);
      expect(tags.description?.length).toBeGreaterThan(10);
    });
  }
});

test.describe("accessibility statement", () => {
  for (const width of [375, 1440]) {
    test(`is reached from every page's footer, says how compliant the site is, and has no axe-core violation at ${width} px`, async ({
      page,
    }) => {
      await page.setViewportSize({ width, height: 900 });
      await page.goto("/territoires/romans-sur-isere");
      await page.getByRole("contentinfo").getByRole("link", { name: "Accessibilité : non conforme" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Déclaration d’accessibilité");
      await expect(page.getByRole("navigation", { name: "Fil d’Ariane" }).getByRole("link", { name: "Accueil" })).toBeVisible();
      for (const section of [
        "État de conformité",
        "Résultats des tests",
        "Contenus non accessibles",
        "Établissement de cette déclaration",
        "Retour d’information et contact",
        "Voies de recours",
        "Schéma pluriannuel de mise en accessibilité",
      ])
        await expect(page.getByRole("region", { name: section })).toBeVisible();
      await expect(page.getByRole("region", { name: "État de conformité" })).toContainText("non conforme");
      const remedies = page.getByRole("region", { name: "Voies de recours" });
      await expect(remedies.getByRole("link", { name: "09 69 39 00 00" })).toBeVisible();
      await expect(remedies).toContainText("Défenseur des droits, Libre réponse 71120, 75342 Paris CEDEX 07");
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBe(0);
      await expectNoAxeViolations(page);
    });
  }
});
