// The agency's review, as issue 14 asks: the coordinator submits a draft; the ARS officer opens
// the contract read-only, comments on a fiche and requests changes on the draft; the coordinator
// sees the request in the workspace, answers it there and resubmits from the contract page.
// Axe-clean at each page. Each run works on a draft contract of its own in Romans-sur-Isère
// (Auvergne-Rhône-Alpes, the demo ARS officer's region).
import { expect, test, type Page } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";
import { createAccount, createDraftContract } from "../support/e2e-accounts";
import { signInAs } from "./sign-in";
import { DEMO_CONTRACTS, unique } from "./workspace";

const TERRITORY = "romans-sur-isere";
const OFFICER = "ars@auvergne-rhone-alpes.test";

/** The notice region confirms what was done and takes the focus (components/forms/notices.tsx). */
async function expectNotice(page: Page, message: string) {
  const notice = page.locator("body > [aria-live=polite]").locator("[tabindex='-1']");
  await expect(notice).toBeFocused();
  await expect(notice).toContainText(message);
}

test("an officer comments on a fiche and requests changes on the draft; the coordinator answers in the workspace and resubmits", async ({
  page,
  browser,
}) => {
  test.slow();
  const suffix = unique();
  const title = `Projet de contrat revu ${suffix}`;
  const { contractId, ficheId } = await createDraftContract(TERRITORY, title);
  const coordinator = await createAccount("coordinator", TERRITORY, `Coordination ${suffix}`);
  const contractPath = `/espace/${TERRITORY}/contrats/${contractId}`;

  // 1. The coordinator submits the draft from the contract page.
  await signInAs(page, coordinator.email);
  await page.goto(contractPath);
  const review = page.getByRole("region", { name: /^Revue de l’ARS/ });
  await expect(review.getByText("Non soumis à l’ARS")).toBeVisible();
  await review.getByRole("button", { name: "Soumettre à l’ARS le projet de contrat" }).click();
  await expect(review.getByText("Soumis à l’ARS, avis attendu")).toBeVisible();
  await expectNoAxeViolations(page);

  // 2. The officer opens the contract read-only from the contract page, then the fiche.
  const officerContext = await browser.newContext();
  const officer = await officerContext.newPage();
  await signInAs(officer, OFFICER);
  await officer.goto(contractPath);
  await officer.getByRole("link", { name: "Lire et commenter le contrat" }).click();
  await expect(officer.getByRole("heading", { level: 1 })).toHaveText(title);
  await expect(officer.getByRole("heading", { name: "Diagnostic local de santé" })).toBeVisible();
  await expect(officer.getByRole("link", { name: "Modifier le contrat" })).toHaveCount(0);
  await expectNoAxeViolations(officer);
  await officer.getByRole("link", { name: `Conseil local de santé mentale ${title}` }).click();
  await expect(officer).toHaveURL(new RegExp(`/lecture/fiches/${ficheId}$`));
  await expect(officer.getByText("Créer un CLSM.")).toBeVisible();
  await expectNoAxeViolations(officer);

  // 3. It comments on the fiche: an empty comment is named at its field first.
  const ficheReview = officer.getByRole("region", { name: "Avis de l’ARS sur la fiche" });
  await ficheReview.getByText("Commenter").click();
  const commentForm = ficheReview.getByRole("form", { name: "Commenter la fiche n°\u00a01" });
  await commentForm.getByRole("button", { name: "Publier le commentaire" }).click();
  await expect(commentForm.getByLabel("Votre commentaire sur la fiche n°\u00a01")).toHaveAccessibleDescription(
    /Écrivez votre commentaire\./,
  );
  const remark = `Quel porteur pour le CLSM ${suffix}\u00a0?`;
  await commentForm.getByLabel("Votre commentaire sur la fiche n°\u00a01").fill(remark);
  await commentForm.getByRole("button", { name: "Publier le commentaire" }).click();
  await expectNotice(officer, "Votre commentaire est publié\u00a0; les coordinateurs du territoire en sont avertis.");
  await expect(ficheReview.getByRole("article").getByText(remark)).toBeVisible();
  await expectNoAxeViolations(officer);

  // 4. It requests changes on the draft from the contract's reading page, which names the fiche under discussion.
  await officer.getByRole("link", { name: "Retour au contrat" }).click();
  const draftReview = officer.getByRole("region", { name: "Avis de l’ARS sur le contrat" });
  await expect(draftReview.getByRole("list", { name: "Fiches dont une discussion est ouverte" }).getByRole("listitem")).toHaveText([
    `Fiche n°\u00a01 – Conseil local de santé mentale ${title} (1\u00a0discussion ouverte)`,
  ]);
  await draftReview.getByText("Demander des modifications").click();
  const reason = `Ajouter le porteur du CLSM ${suffix}.`;
  await draftReview.getByLabel("Ce qui doit changer").fill(reason);
  await draftReview.getByRole("button", { name: "Envoyer la demande" }).click();
  await expect(draftReview.getByText("Modifications demandées par l’ARS")).toBeVisible();
  await expect(draftReview.getByRole("article").getByText(reason)).toBeVisible();
  await expectNoAxeViolations(officer);
  await officerContext.close();

  // 5. The coordinator sees both in its workspace, with a count, and answers the fiche's thread there.
  await page.goto(`/espace/${TERRITORY}`);
  const workspaceReview = page.getByRole("region", { name: "Revue de l’ARS" });
  await expect(workspaceReview.getByText(/éléments? à traiter/)).toBeVisible();
  const ficheThread = workspaceReview.getByRole("article").filter({ hasText: remark });
  await expect(ficheThread.getByRole("heading", { level: 3 })).toContainText(
    `Fiche n°\u00a01 «\u00a0Conseil local de santé mentale ${title}\u00a0»`,
  );
  const request = workspaceReview.getByRole("article").filter({ hasText: reason });
  await expect(request).toBeVisible();
  await expectNoAxeViolations(page);
  await ficheThread.getByText("Répondre").click();
  await ficheThread.getByLabel("Votre réponse").fill(`L’association Santé Romans ${suffix}.`);
  await ficheThread.getByRole("button", { name: "Envoyer la réponse" }).click();
  await expectNotice(page, "Votre réponse est publiée\u00a0; l’ARS en est avertie.");
  await expect(ficheThread.getByText(`L’association Santé Romans ${suffix}.`)).toBeVisible();
  await expect(ficheThread.getByText("Territoire", { exact: true })).toBeVisible();

  // 6. It answers the request, then resubmits the draft from the contract page.
  await request.getByText("Répondre").click();
  await request.getByLabel("Votre réponse").fill("Porteur ajouté à la fiche.");
  await request.getByRole("button", { name: "Envoyer la réponse" }).click();
  await expect(request.getByText("Porteur ajouté à la fiche.")).toBeVisible();
  await workspaceReview.getByRole("link", { name: `Répondre et soumettre à nouveau (${title})` }).click();
  const contractReview = page.getByRole("region", { name: /^Revue de l’ARS/ });
  await contractReview.getByRole("button", { name: "Soumettre à nouveau à l’ARS le projet de contrat" }).click();
  await expect(contractReview.getByText("Soumis à l’ARS, avis attendu")).toBeVisible();
  await expectNoAxeViolations(page);

  // 7. Its notification centre told it of the request; the officer's told it of the answers.
  await page.goto("/notifications");
  await expect(page.getByText("Modifications demandées par l’ARS").first()).toBeVisible();
});

test("a partner reads a contract and a fiche whole, without the review", async ({ page }) => {
  // The demo partner of Romans-sur-Isère takes part in its published demo contract.
  await signInAs(page, `partenaire@${TERRITORY}.test`);
  await page.goto(`/espace/${TERRITORY}`);
  await page
    .getByRole("region", { name: "Contrats du territoire" })
    .getByRole("link", { name: DEMO_CONTRACTS[TERRITORY], exact: true })
    .click();
  await page.getByRole("link", { name: "Lire le contrat en entier" }).click();
  await expect(page.getByRole("heading", { name: /^Fiches actions \(/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Avis de l’ARS sur le contrat" })).toHaveCount(0);
  await expectNoAxeViolations(page);
  // An axis links to its fiches: the list keeps those of that axis only, and says how many.
  const axes = page.getByRole("region", { name: /^Axes stratégiques/ });
  const axisFiches = axes.getByRole("link", { name: /^\d+\sfiches?\sactions?$/ }).last();
  const count = Number.parseInt((await axisFiches.textContent()) ?? "", 10);
  await axisFiches.click();
  const fiches = page.getByRole("region", { name: /^Fiches actions \(/ });
  await expect(fiches.getByRole("heading", { level: 2 })).toBeInViewport();
  await expect(fiches.getByRole("status")).toContainText(new RegExp(`^${count}\\sfiches?\\sretenues? sur`));
  await expect(fiches.getByRole("list", { name: /^Fiches actions de l’axe/ })).toHaveCount(1);
  await expect(fiches.getByRole("list", { name: /^Fiches actions de l’axe/ }).getByRole("listitem")).toHaveCount(count);
  await page
    .getByRole("list", { name: /^Fiches actions de l’axe/ })
    .first()
    .getByRole("link")
    .first()
    .click();
  await expect(page.getByRole("heading", { name: "Objectifs opérationnels", exact: false })).toBeVisible();
  await expect(page.getByText(/^Commenter/)).toHaveCount(0);
  await expectNoAxeViolations(page);
});
