// Issue 14's « done when », in one journey: an ARS officer lists the contracts of their region
// that expire within a year, opens one, comments on a fiche and requests changes on its
// evaluation report; the coordinator sees the request in the workspace and answers it there.
// Axe-clean at each page. The contract is one of its own in Romans-sur-Isère (Auvergne-Rhône-Alpes,
// the demo officer's region), ending in 6 months, with a closed mid-term campaign.
import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";
import { createAccount, createExpiringContract } from "../support/e2e-accounts";
import { signInAs } from "./sign-in";
import { unique } from "./workspace";

const TERRITORY = "romans-sur-isere";
const OFFICER = "ars@auvergne-rhone-alpes.test";

test("an officer finds an expiring contract in the portfolio, comments on a fiche and requests changes; the coordinator answers", async ({
  page,
  browser,
}) => {
  test.slow();
  const suffix = unique();
  const title = `Contrat qui expire ${suffix}`;
  const { contractId } = await createExpiringContract(TERRITORY, title);
  const coordinator = await createAccount("coordinator", TERRITORY, `Coordination ${suffix}`);
  const contractPath = `/espace/${TERRITORY}/contrats/${contractId}`;

  // The coordinator submits the mid-term evaluation report to the agency.
  await signInAs(page, coordinator.email);
  await page.goto(contractPath);
  const review = page.getByRole("region", { name: /^Revue de l’ARS/ });
  await review.getByRole("button", { name: "Soumettre à l’ARS le rapport de l’évaluation à mi-parcours" }).click();
  await expect(review.getByText("Soumis à l’ARS, avis attendu")).toBeVisible();

  // 1. The officer keeps the contracts of the region that expire within a year.
  const officerContext = await browser.newContext();
  const officer = await officerContext.newPage();
  await signInAs(officer, OFFICER);
  await officer.goto("/espace");
  await officer.getByRole("main").getByRole("link", { name: "Portefeuille régional" }).click();
  await officer.getByLabel("Fin du contrat").selectOption({ label: "Expire d’ici 12\u00a0mois" });
  await officer.getByRole("button", { name: "Filtrer" }).click();
  await expect(officer).toHaveURL(/expire=12/);
  const table = officer.getByRole("table", { name: /^Contrats de la région Auvergne-Rhône-Alpes/ });
  const row = table.locator("tbody tr").filter({ hasText: title });
  await expect(row).toHaveCount(1);
  await expectNoAxeViolations(officer);

  // 2. It opens the contract, and reads it whole.
  await row.getByRole("link", { name: "Romans-sur-Isère" }).click();
  await officer.getByRole("link", { name: "Lire et commenter le contrat" }).click();
  await expect(officer.getByRole("heading", { level: 1 })).toHaveText(title);
  await expectNoAxeViolations(officer);

  // 3. It comments on the fiche.
  await officer.getByRole("link", { name: `Conseil local de santé mentale ${title}` }).click();
  const ficheReview = officer.getByRole("region", { name: "Avis de l’ARS sur la fiche" });
  await ficheReview.getByText("Commenter").click();
  const remark = `Quels indicateurs pour le CLSM ${suffix}\u00a0?`;
  await ficheReview.getByLabel("Votre commentaire sur la fiche n°\u00a01").fill(remark);
  await ficheReview.getByRole("button", { name: "Publier le commentaire" }).click();
  await expect(ficheReview.getByRole("article").getByText(remark)).toBeVisible();
  await expectNoAxeViolations(officer);

  // 4. It requests changes on the evaluation report.
  await officer.getByRole("link", { name: "Retour au contrat" }).click();
  const evaluations = officer.getByRole("region", { name: "Évaluations" });
  await evaluations.getByText("Demander des modifications").click();
  const reason = `Compléter le bilan des fiches ${suffix}.`;
  await evaluations.getByLabel("Ce qui doit changer").fill(reason);
  await evaluations.getByRole("button", { name: "Envoyer la demande" }).click();
  await expect(evaluations.getByText("Modifications demandées par l’ARS")).toBeVisible();
  await expectNoAxeViolations(officer);
  await officerContext.close();

  // 5. The coordinator sees the request and the remark in the workspace, and answers there.
  await page.goto(`/espace/${TERRITORY}`);
  const workspaceReview = page.getByRole("region", { name: "Revue de l’ARS" });
  const request = workspaceReview.getByRole("article").filter({ hasText: reason });
  await expect(request).toBeVisible();
  await expect(workspaceReview.getByRole("article").filter({ hasText: remark })).toBeVisible();
  await expectNoAxeViolations(page);
  await request.getByText("Répondre").click();
  const answer = `Bilans complétés ${suffix}.`;
  await request.getByLabel("Votre réponse").fill(answer);
  await request.getByRole("button", { name: "Envoyer la réponse" }).click();
  await expect(request.getByText(answer)).toBeVisible();
  await expectNoAxeViolations(page);
});
