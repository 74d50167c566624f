// A fiche's assessment in an evaluation campaign, as its authors meet it: a coordinator goes
// from the contract page to the campaign and a fiche's form, saves, and finds the fiche evaluated
// on the campaign page; a mistake is named at its field; a pilot goes from « Mes fiches ».
import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";
import { createAccount, createAssessableFiche } from "../support/e2e-accounts";
import { signInAs } from "./sign-in";
import { unique } from "./workspace";

const TERRITORY = "lens-lievin";
const COORDINATOR = `coordination@${TERRITORY}.test`;

test("a coordinator assesses a fiche from the contract page and finds it evaluated on the campaign page", async ({ page }) => {
  const title = `Prévenir les chutes ${unique()}`;
  const { contractId } = await createAssessableFiche({ territory: TERRITORY, title });
  await signInAs(page, COORDINATOR);

  // The contract page leads to the campaign, which leads to the fiche's form.
  await page.goto(`/espace/${TERRITORY}/contrats/${contractId}`);
  const midTerm = page
    .getByRole("region", { name: "Évaluation" })
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: /Évaluation à mi-parcours/ }) });
  await midTerm.getByRole("link", { name: "Ouvrir l’évaluation" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Évaluation à mi-parcours");
  await expect(page.getByText(/^0\sfiche évaluée sur 1$/)).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(title) });
  await expect(row.getByText("À renseigner")).toBeVisible();
  await expectNoAxeViolations(page);
  await row.getByRole("link", { name: `Fiche n°\u00a01\u00a0: ${title}` }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Fiche n°\u00a01\u00a0: ${title}`);
  await expect(page.getByText("Réduire les chutes des personnes âgées vivant à domicile.")).toBeVisible();

  await page.getByLabel("État de réalisation").selectOption({ label: "Partiellement réalisée" });
  await page.getByLabel("Taux d’atteinte des objectifs (%)").fill("60");
  await page.getByLabel("Dépensé (€)\u00a0: ARS (FIR) 2025").fill("12 500,50");
  const budget = page.getByRole("table", { name: "Budget prévu et dépensé, par financeur" });
  await expect(budget.getByRole("row", { name: /^Total/ })).toContainText("12\u202f500,50\u00a0€");
  await page.getByRole("group", { name: "Pertinence" }).getByRole("radio", { name: "Satisfaisant", exact: true }).check();
  await page.getByLabel("Pertinence\u00a0: commentaire").fill("Répond aux constats du diagnostic.");
  await page.getByRole("button", { name: "Enregistrer le bilan" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Le bilan de la fiche est enregistré." })).toBeVisible();
  await expect(page.getByRole("list", { name: "Enregistrements du bilan" })).toContainText("Partiellement réalisée");
  await expectNoAxeViolations(page);

  // The campaign page counts it.
  await page.getByRole("navigation", { name: "Fil d’Ariane" }).getByRole("link", { name: "Évaluation à mi-parcours" }).click();
  await expect(page.getByText(/^1\sfiche évaluée sur 1$/)).toBeVisible();
  const assessed = page.getByRole("row", { name: new RegExp(title) });
  await expect(assessed.getByText("Partiellement réalisée")).toBeVisible();
  await expect(assessed.getByText("60\u00a0%")).toBeVisible();
  await expect(assessed.getByText("Évaluée")).toBeVisible();
});

test("a mistake in an assessment is named at its field, and the error summary leads to it", async ({ page }) => {
  const { contractId, campaignId, ficheId } = await createAssessableFiche({ territory: TERRITORY, title: `Bilan erroné ${unique()}` });
  await signInAs(page, COORDINATOR);
  await page.goto(`/espace/${TERRITORY}/contrats/${contractId}/evaluations/${campaignId}/fiches/${ficheId}`);

  const rate = page.getByLabel("Taux d’atteinte des objectifs (%)");
  const spent = page.getByLabel("Dépensé (€)\u00a0: ARS (FIR) 2025");
  await rate.fill("150");
  await spent.fill("abc");
  // A rating is a radio group: the arrow keys move within it.
  const effectiveness = page.getByRole("group", { name: "Efficacité" });
  await effectiveness.getByRole("radio", { name: "Insuffisant" }).check();
  await page.keyboard.press("ArrowRight");
  await expect(effectiveness.getByRole("radio", { name: "Passable" })).toBeChecked();
  await page.getByRole("button", { name: "Enregistrer le bilan" }).click();

  const summary = page.getByRole("alert").filter({ hasText: "Le formulaire contient des erreurs" });
  await expect(summary).toBeFocused();
  await expect(rate).toHaveAccessibleDescription(/Un pourcentage entre 0 et 100\.$/);
  await expect(spent).toHaveAccessibleDescription("Saisissez un montant en euros, par exemple 12\u00a0500,50.");
  await summary.getByRole("link", { name: /Dépensé/ }).click();
  await expect(spent).toBeFocused();
  await summary.getByRole("link", { name: /Taux d’atteinte/ }).click();
  await expect(rate).toBeFocused();
  await expectNoAxeViolations(page);
});

test("a pilot opens the fiche's assessment from « Mes fiches », and it is no longer due once given", async ({ page }) => {
  const suffix = unique();
  const title = `Ateliers mémoire ${suffix}`;
  const pilot = await createAccount("contributor", TERRITORY, `Pilote ${suffix}`);
  await createAssessableFiche({ territory: TERRITORY, title, pilotEmail: pilot.email });
  await signInAs(page, pilot.email);

  await page.goto("/fiches");
  const due = page.getByRole("list", { name: "À faire sur la fiche n°\u00a01" }).filter({ hasText: "Évaluation à mi-parcours" });
  await due.getByRole("link", { name: "Bilan de la fiche\u00a0: Évaluation à mi-parcours" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Fiche n°\u00a01\u00a0: ${title}`);
  await page.getByLabel("État de réalisation").selectOption({ label: "Réalisée" });
  await page.getByRole("group", { name: "Efficacité" }).getByRole("radio", { name: "Très satisfaisant" }).check();
  await page.getByRole("button", { name: "Enregistrer le bilan" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Le bilan de la fiche est enregistré." })).toBeVisible();

  await page.goto("/fiches");
  const fiche = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: `Fiche n°\u00a01\u00a0: ${title}` }) });
  await expect(fiche).toBeVisible();
  await expect(fiche.getByRole("link", { name: /^Bilan de la fiche/ })).toHaveCount(0);
});
