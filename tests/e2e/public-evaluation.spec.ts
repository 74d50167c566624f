// The public contract page shows the last closed evaluation: its period, synthesis, key figures,
// and two charts each with its summary and « Voir les données » table. On an app instance and a
// database of the spec's own: a territory of its own on the suite's database would change the
// counts the home page's test reads. The campaign is opened and closed through the real actions.
// TODO(lead): once the demo territory has its closed mid-term campaign (helper "demo"), this can
// read /territoires/territoire-de-demonstration on the suite's server instead.
import { closeEvaluation, createEvaluatedContract } from "../fixtures/evaluations";
import { ownWorld } from "../support/own-world";
import { expectNoAxeViolations } from "./accessibility";
import { expect, test } from "./fixtures";

// One app instance for both widths, not one per worker.
test.describe.configure({ mode: "serial" });

const own = ownWorld(test, "public-evaluation", async (db) => {
  const world = await createEvaluatedContract(db);
  await closeEvaluation(db, world);
  return { slug: world.territory.slug };
});

for (const width of [375, 1440]) {
  test(`a visitor reads the closed mid-term evaluation, its charts' summaries and data, at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${own.app.base}/territoires/${own.world.slug}`);
    const section = page.getByRole("region", { name: "Évaluation à mi-parcours" });
    await expect(section.getByText(/^Période évaluée du 1er\sjanvier\s2024 au 30\sjuin\s2026, évaluation close le\s\d/)).toBeVisible();
    await expect(section.getByText("Une dynamique partenariale solide, des actions de prévention à relancer.")).toBeVisible();
    await expect(section.getByRole("definition").filter({ hasText: /^2 sur 4$/ })).toBeVisible();
    await expect(section.getByRole("definition").filter({ hasText: /^60\s%$/ })).toBeVisible();

    const rates = section.getByRole("region", { name: "Taux de réalisation moyen par axe" });
    await expect(rates.getByText(/^Le taux de réalisation moyen va de 40\s%\spour l’axe 2 à 80\s%\spour l’axe 1\.$/)).toBeVisible();
    await rates.getByText("Voir les données").click();
    await expect(rates.getByRole("table", { name: "Taux de réalisation moyen par axe" }).getByRole("row")).toHaveText([
      /Axe.*Fiches évaluées.*Taux moyen/,
      /Axe 1.*1 sur 2.*80\s%/,
      /Axe 2.*1 sur 2.*40\s%/,
    ]);

    const realisation = section.getByRole("region", { name: "Réalisation des fiches actions par axe" });
    await expect(realisation.getByText(/^2\sfiches actions évaluées sur 4\s: 1 réalisée et 1 partiellement réalisée\.$/)).toBeVisible();
    await realisation.getByText("Voir les données").click();
    await expect(realisation.getByRole("table", { name: "Réalisation des fiches actions par axe" })).toBeVisible();
    await expect(section.getByText("Aucune fiche action n’a encore d’indicateur.")).toBeVisible();

    // Nothing confidential reaches the page.
    for (const text of ["Contribution confidentielle", "Compte rendu confidentiel", "Synthèse interne de la fiche", "1 234,56"])
      await expect(page.getByText(text)).toHaveCount(0);
    await expectNoAxeViolations(page);
  });
}
