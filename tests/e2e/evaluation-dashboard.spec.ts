// A coordinator opens the dashboard of a campaign from the contract's dashboard: every chart is
// summed up in a sentence, its data is a table one click away, at 1440 and at 375 px.
import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";
import { signInAs } from "./sign-in";
import { createContract, createFiche, unique } from "./workspace";

const COORDINATOR = "coordination@creusot-montceau.test";

test("a coordinator reads a campaign's dashboard: summaries and data tables, at 1440 and 375 px", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await signInAs(page, COORDINATOR);
  const title = `Contrat au tableau de bord ${unique()}`;
  await createContract(page, "creusot-montceau", title, { axes: ["Prévention"] });
  await createFiche(page, "Ateliers de prévention");
  await page.getByRole("link", { name: title }).first().click();

  const evaluation = page.getByRole("region", { name: "Évaluation" });
  await evaluation.getByText("Ouvrir une campagne d’évaluation").click();
  await evaluation.getByLabel("Évaluation", { exact: true }).selectOption({ label: "Évaluation à mi-parcours" });
  await evaluation.getByLabel("Début de la période").fill("2025-01-01");
  await evaluation.getByLabel("Fin de la période").fill("2027-06-30");
  await evaluation.getByLabel("Ouverture").fill("2026-07-01");
  await evaluation.getByRole("button", { name: "Ouvrir la campagne" }).click();
  await expect(evaluation.getByText("Ouverte", { exact: true })).toBeVisible();

  await page.getByRole("link", { name: "Tableau de bord", exact: true }).click();
  await page.getByRole("link", { name: "Tableau de bord de l’évaluation à mi-parcours" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tableau de bord de l’évaluation à mi-parcours");
  await expect(page).toHaveTitle(/^Tableau de bord · Évaluation à mi-parcours · /);

  await expect(
    page.getByRole("region", { name: "Fiches actions par réalisation" }).getByText(/^1\sfiche action\s:\s1 non évaluée\.$/),
  ).toBeVisible();
  const criteria = page.getByRole("region", { name: "Note moyenne par critère" });
  await expect(criteria.getByText("Aucun critère n’est encore noté.")).toBeVisible();
  await criteria.getByText("Voir les données").click();
  await expect(
    criteria.getByRole("table", { name: "Note moyenne par critère" }).getByRole("rowheader", { name: "Pertinence" }),
  ).toBeVisible();
  await expectNoAxeViolations(page);

  await page.setViewportSize({ width: 375, height: 800 });
  await expect(
    page.getByRole("region", { name: "Taux de réalisation moyen par axe" }).getByText(/^Aucune fiche action évaluée/),
  ).toBeVisible();
  await expectNoAxeViolations(page);
});
