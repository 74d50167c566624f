// A coordinator evaluates a contract: opens its mid-term campaign (a mistake is named at its
// field), closes it after a confirmation, and finds it read-only with the snapshot it froze.
import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";
import { signInAs } from "./sign-in";
import { createContract, unique } from "./workspace";

const COORDINATOR = "coordination@creusot-montceau.test";

test("a coordinator opens a mid-term campaign, closes it, and sees it read-only", async ({ page }) => {
  await signInAs(page, COORDINATOR);
  await createContract(page, "creusot-montceau", `Contrat évalué ${unique()}`);
  const evaluation = page.getByRole("region", { name: "Évaluation" });
  await expect(evaluation.getByText("Pas encore ouverte.")).toHaveCount(2);

  await evaluation.getByText("Ouvrir une campagne d’évaluation").click();
  await evaluation.getByLabel("Évaluation", { exact: true }).selectOption({ label: "Évaluation à mi-parcours" });
  await evaluation.getByLabel("Début de la période").fill("2025-01-01");
  await evaluation.getByLabel("Fin de la période").fill("2024-06-30");
  await evaluation.getByLabel("Ouverture").fill("2026-07-01");
  await evaluation.getByLabel("Clôture prévue").fill("2026-10-31");
  await evaluation.getByRole("button", { name: "Ouvrir la campagne" }).click();
  await expect(evaluation.getByLabel("Fin de la période")).toHaveAccessibleDescription(
    "La fin de la période ne peut pas précéder son début.",
  );
  await expectNoAxeViolations(page);
  await evaluation.getByLabel("Fin de la période").fill("2027-06-30");
  await evaluation.getByRole("button", { name: "Ouvrir la campagne" }).click();

  const midTerm = evaluation.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /Évaluation à mi-parcours/ }) });
  await expect(midTerm.getByText("Ouverte")).toBeVisible();
  await expect(midTerm.getByText("du 1er janvier 2025 au 30 juin 2027")).toBeVisible();
  await expectNoAxeViolations(page);

  await midTerm.getByRole("button", { name: "Clôturer la campagne d’évaluation à mi-parcours" }).click();
  await midTerm.getByRole("button", { name: "Clôturer", exact: true }).click();
  await expect(midTerm.getByText("Close", { exact: true })).toBeVisible();
  await expect(midTerm.getByText(/^Close le /)).toBeVisible();
  await expect(midTerm.getByText("Instantané n°\u00a01")).toBeVisible();
  await expect(midTerm.getByText("Cette campagne est close\u202f: ses chiffres ne changent plus.")).toBeVisible();
  await expect(midTerm.getByRole("button")).toHaveCount(0);
  await expect(midTerm.getByText("Modifier les dates, la synthèse, les recommandations")).toHaveCount(0);
  await expectNoAxeViolations(page);
});
