import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";
import { findPublishedFiche } from "../support/e2e-accounts";
import { signInAs } from "./sign-in";

const PAGES = [
  "/",
  "/?commune=26100",
  "/recherche",
  "/recherche?q=sante+mentale",
  "/territoires/romans-sur-isere",
  "/territoires/pays-ruffecois",
  "/territoires/lens-lievin",
  "/territoires/atlantide",
  "/territoires/territoire-de-demonstration/cls-1/fiches/1",
  "/accessibilite",
  "/confidentialite",
  "/connexion/lien?token=0123456789abcdef0123456789abcdef&email=personne%40exemple.test",
  "/connexion/lien?token=x",
];

for (const width of [375, 1440]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });
    for (const path of PAGES) {
      test(`${path} has no axe-core violation`, async ({ page }) => {
        await page.goto(path);
        await expectNoAxeViolations(page);
      });
    }
  });
}

// Signed-in pages: the read-only contract and fiche pages as the ARS officer reads them, with their review controls.
for (const width of [375, 1440]) {
  test(`the reading pages have no axe-core violation at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    const { contractId, ficheId } = await findPublishedFiche("romans-sur-isere");
    await signInAs(page, "ars@auvergne-rhone-alpes.test");
    for (const path of [
      `/espace/romans-sur-isere/contrats/${contractId}/lecture`,
      `/espace/romans-sur-isere/contrats/${contractId}/lecture/fiches/${ficheId}`,
    ]) {
      await page.goto(path);
      await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
      await expectNoAxeViolations(page);
    }
  });
}

// The edit form of a published fiche, with its publication controls (a button's visible words are in its name).
test("a published fiche's edit form has no axe-core violation", async ({ page }) => {
  const { contractId, ficheId } = await findPublishedFiche("territoire-de-demonstration");
  await signInAs(page, "coordination@territoire-de-demonstration.test");
  await page.goto(`/espace/territoire-de-demonstration/contrats/${contractId}/fiches/${ficheId}`);
  await expect(page.getByRole("button", { name: "Retirer de la publication cette fiche" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the skip link is the first stop and moves focus to the content", async ({ page }) => {
  await page.goto("/territoires/romans-sur-isere");
  await page.keyboard.press("Tab");
  const skipLink = page.getByRole("link", { name: "Aller au contenu principal" });
  await expect(skipLink).toBeFocused();
  await expect(skipLink).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.locator("main#contenu")).toBeFocused();
});

test("a keyboard user reaches a territory from the home page", async ({ page }) => {
  await page.goto("/");
  const link = page.getByRole("link", { name: "Pays du Ruffécois" });
  // Past the commune finder, the regions' table and the filters: each a stop a keyboard user may want.
  for (let presses = 0; presses < 60 && !(await link.evaluate((element) => element === document.activeElement)); presses++) {
    await page.keyboard.press("Tab");
  }
  await expect(link).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pays du Ruffécois");
});

// The self-audit's keyboard and reflow checks (lib/accessibility/statement.ts), on the search
// and open data pages: at 320 px with the WCAG 1.4.12 text spacing, nothing scrolls sideways;
// every Tab stop, from the skip link on, is on screen with a focus indicator; and past the last
// one, focus leaves the page (no trap).
const TEXT_SPACING =
  "* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-bottom: 2em !important; }";
for (const path of ["/recherche?q=sante+mentale", "/donnees"]) {
  test(`${path} reflows at 320 px with wider text spacing, and a keyboard user sees each stop to the end`, async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(path);
    // A constructed style sheet, as a user's bookmarklet would add it: the page's CSP governs markup, not these.
    await page.evaluate((css) => {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }, TEXT_SPACING);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);

    const stops: Array<{ name: string; indicated: boolean; onScreen: boolean }> = [];
    for (let press = 0; press < 400; press++) {
      await page.keyboard.press("Tab");
      const stop = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        if (!element || element === document.body) return null;
        const style = getComputedStyle(element);
        const box = element.getBoundingClientRect();
        return {
          name: (element.getAttribute("aria-label") ?? element.textContent ?? element.getAttribute("name") ?? element.tagName)
            .trim()
            .slice(0, 60),
          indicated: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none",
          onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < window.innerHeight,
        };
      });
      if (!stop) break;
      stops.push(stop);
    }
    expect(stops[0]?.name).toBe("Aller au contenu principal");
    expect(stops.length, "the walk ends: focus leaves the page after the last stop").toBeLessThan(400);
    expect(stops.filter((stop) => !stop.indicated || !stop.onScreen)).toEqual([]);
  });
}
