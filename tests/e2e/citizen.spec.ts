// Issue 15 as a citizen meets it: from the home page to a fiche of their town in three clicks,
// then « santé mentale » actions across France, the words found highlighted, facets to narrow.
import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";

for (const width of [375, 1440]) {
  test.describe(`at ${width} px`, () => {
    test.use({ viewport: { width, height: 900 } });

    test("a citizen finds their town by postcode and reaches one of its fiches in three clicks", async ({ page }) => {
      // The first commune search of a server reads the State's reference (35,000 communes).
      test.slow();
      await page.goto("/");
      await expectNoAxeViolations(page);
      // The map's figures, as a table beside it: the 18 regions, overseas included.
      const byRegion = page.getByRole("table", { name: "Territoires par région" });
      await expect(byRegion.getByRole("row")).toHaveCount(19);
      await expect(byRegion.getByRole("row", { name: /Mayotte/ })).toContainText("0");
      await expect(byRegion.getByRole("row", { name: /Bourgogne-Franche-Comté/ })).toContainText("2");

      await page.getByLabel("Commune ou code postal").fill("26100");
      await page.getByRole("button", { name: "Chercher" }).click(); // 1
      const found = page.getByRole("status").filter({ hasText: "Romans-sur-Isère" });
      await expect(found).toContainText("Romans-sur-Isère (26100, département 26)");
      await expectNoAxeViolations(page);
      await found.getByRole("link", { name: "Romans-sur-Isère" }).click(); // 2
      await expect(page).toHaveURL(/\/territoires\/romans-sur-isere$/);
      await page.getByRole("link", { name: /Promouvoir la santé sexuelle et affective/ }).click(); // 3
      await expect(page).toHaveURL(/\/territoires\/romans-sur-isere\/cls-1\/fiches\/8$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Promouvoir la santé sexuelle et affective/);
    });

    test("the directory narrows by the state of the contract as the public reads it", async ({ page }) => {
      await page.goto("/");
      await page.getByLabel("État du contrat").selectOption({ label: "Évaluation finale" });
      await page.getByRole("button", { name: "Afficher" }).click();
      await expect(page.getByRole("status").filter({ hasText: "Évaluation finale" })).toHaveText(/^Évaluation finale\s:\s1\sterritoire\.$/);
      await expect(page.getByRole("link", { name: "Territoire de démonstration", exact: true })).toBeVisible();
      await expect(page.getByRole("link", { name: "Romans-sur-Isère", exact: true })).toHaveCount(0);
    });

    test("a town no published contract covers is told so, and a name that is no town too", async ({ page }) => {
      await page.goto("/?commune=Valence#commune");
      await expect(page.getByRole("status").filter({ hasText: "Valence" }).first()).toContainText(
        "Aucun contrat local de santé publié sur OpenCLS ne couvre cette commune.",
      );
      await page.goto("/?commune=Zzyzx#commune");
      await expect(page.getByRole("status")).toHaveText(/Aucune commune ne correspond à «\sZzyzx\s»/);
    });

    test("« sante mentale » finds mental-health actions across France, highlighted, narrowed by region", async ({ page }) => {
      await page.goto("/");
      await page.getByRole("link", { name: "Rechercher une action" }).click();
      await expectNoAxeViolations(page);
      await page.getByLabel("Mots recherchés").fill("sante mentale");
      await page.getByRole("button", { name: "Rechercher" }).click();
      const results = page.getByRole("region", { name: /résultats? pour «\ssante mentale\s»/ });
      await expect(results.getByRole("heading", { level: 2 })).toHaveText(/^\d+\srésultats pour «\ssante mentale\s»$/);
      const romans = results.getByRole("article").filter({ hasText: "Romans-sur-Isère" }).first();
      await expect(romans.locator("mark").first()).toHaveText(/^santé$/i);
      await expectNoAxeViolations(page);

      const regions = page.getByRole("navigation", { name: "Région" });
      await regions.getByRole("link", { name: "Auvergne-Rhône-Alpes" }).click();
      await expect(regions.getByRole("link", { name: /Auvergne-Rhône-Alpes/ }).first()).toHaveAttribute("aria-current", "true");
      await expect(results.getByRole("article")).not.toHaveCount(0);
      for (const article of await results.getByRole("article").all()) await expect(article).toContainText("Auvergne-Rhône-Alpes");
      await results.getByRole("article").first().getByRole("link").click();
      await expect(page).toHaveURL(/\/territoires\/romans-sur-isere(\/cls-1\/fiches\/\d+)?$/);
    });
  });
}
