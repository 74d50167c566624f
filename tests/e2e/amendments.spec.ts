// Amendments (issue 16): on a signed, published contract of its own, a coordinator prepares an
// amendment, creates two fiches and adds them to it, closes a third, and submits it to the ARS;
// the ARS officer gives a favourable opinion; the coordinator records the signature; the
// territory's public page then shows the amended contract with the amendment's history.
// Axe-clean at each page; the amendment and public pages are photographed at 375 and 1440 px.
// Creusot-Montceau: other specs add published contracts there too, and read only their own.
import { expect, test, type Page } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";
import { createAccount, createAmendableContract } from "../support/e2e-accounts";
import { signInAs } from "./sign-in";
import { createFiche, unique } from "./workspace";

const TERRITORY = "creusot-montceau";
const SIGNATORY = "CPAM de Saône-et-Loire";
// The délégation of the whole region of Bourgogne-Franche-Comté.
const OFFICER = "ars@bourgogne-franche-comte.test";

/** The page at both widths the brief asks to look at, kept with the test's results. */
async function photograph(page: Page, name: string, outputPath: (name: string) => string) {
  for (const width of [375, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: outputPath(`${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

/** Adds a fiche to the amendment open in the page, by its title, with what the amendment does to it. */
async function addToAmendment(page: Page, title: string, change: string) {
  const form = page.getByRole("form", { name: "Ajouter une fiche à l’avenant" });
  const option = await form.getByRole("option", { name: title }).textContent();
  await form.getByLabel("Fiche action").selectOption({ label: option! });
  await form.getByRole("radio", { name: change }).check();
  await form.getByRole("button", { name: "Ajouter à l’avenant" }).click();
  await expect(page.getByRole("list", { name: "Fiches de l’avenant" }).getByRole("listitem").filter({ hasText: title })).toContainText(
    change,
  );
}

test("a coordinator amends a signed contract, the ARS approves it, its signature shows on the public page", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const suffix = unique();
  const title = `Contrat amendé ${suffix}`;
  const purpose = `Annexer deux actions nouvelles et clore les permanences ${suffix}.`;
  const { contractId, fiches } = await createAmendableContract(TERRITORY, SIGNATORY, title);
  const [kept, , closed] = fiches;
  const added = [`Équipe mobile ${suffix}`, `Ateliers mémoire ${suffix}`];
  const coordinator = await createAccount("coordinator", TERRITORY, `Coordination ${suffix}`);
  const contractPath = `/espace/${TERRITORY}/contrats/${contractId}`;

  // 1. The coordinator prepares the amendment from the contract page: a missing purpose is named at its field.
  await signInAs(page, coordinator.email);
  await page.goto(contractPath);
  const section = page.getByRole("region", { name: /^Avenants/ });
  await expect(section.getByText("Aucun avenant pour le moment.")).toBeVisible();
  await section.getByRole("button", { name: "Préparer l’avenant" }).click();
  await expect(section.getByLabel("Objet de l’avenant")).toHaveAccessibleDescription(/Dites l’objet de l’avenant\./);
  await section.getByLabel("Objet de l’avenant").fill(purpose);
  await section.getByRole("button", { name: "Préparer l’avenant" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Avenant n°\u00a01");
  const amendmentPath = new URL(page.url()).pathname;
  // Signed before amendments were recorded: the page says what stands for the contract as signed.
  await expect(page.getByRole("region", { name: "Différences" })).toContainText("aucun instantané n’a été pris à sa signature");
  await expectNoAxeViolations(page);

  // 2. It creates the two fiches the amendment adds, then names them in it, and closes a third.
  for (const fiche of added) {
    await page.goto(contractPath);
    await createFiche(page, fiche);
  }
  await page.goto(amendmentPath);
  for (const fiche of added) await addToAmendment(page, fiche, "Ajoutée par l’avenant");
  await addToAmendment(page, closed, "Close par l’avenant");
  // A fiche the contract held before cannot be one the amendment adds.
  const form = page.getByRole("form", { name: "Ajouter une fiche à l’avenant" });
  await form.getByLabel("Fiche action").selectOption({ label: (await form.getByRole("option", { name: kept }).textContent())! });
  await form.getByRole("radio", { name: "Ajoutée par l’avenant" }).check();
  await form.getByRole("button", { name: "Ajouter à l’avenant" }).click();
  await expect(form.getByRole("group", { name: "Ce que l’avenant en fait" })).toContainText("figure déjà dans le contrat avant l’avenant");
  const differences = page.getByRole("region", { name: "Différences" });
  await expect(differences.getByRole("heading", { name: "Fiches ajoutées (2)" })).toBeVisible();
  await expectNoAxeViolations(page);
  await photograph(page, "avenant-brouillon", (name) => testInfo.outputPath(name));

  // 3. It submits the amendment to the ARS.
  const review = page.getByRole("region", { name: "Avis de l’ARS sur l’avenant" });
  await review.getByRole("button", { name: "Soumettre à l’ARS l’avenant n°\u00a01" }).click();
  await expect(review.getByText("Soumis à l’ARS, avis attendu")).toBeVisible();
  await expect(page.getByRole("form", { name: "Ajouter une fiche à l’avenant" })).toHaveCount(0);

  // 4. The ARS officer reads it and gives a favourable opinion.
  const officerContext = await browser.newContext();
  const officer = await officerContext.newPage();
  await signInAs(officer, OFFICER);
  await officer.goto(amendmentPath);
  await expect(officer.getByRole("heading", { level: 1 })).toHaveText("Avenant n°\u00a01");
  await expect(officer.getByRole("region", { name: "Différences" }).getByRole("link", { name: new RegExp(added[0]) })).toBeVisible();
  await expect(officer.getByRole("region", { name: "Signature" })).toHaveCount(0);
  await expectNoAxeViolations(officer);
  const agency = officer.getByRole("region", { name: "Avis de l’ARS sur l’avenant" });
  await agency.getByRole("button", { name: "Rendre un avis favorable sur l’avenant n°\u00a01" }).click();
  await expect(agency.getByText("Avis favorable de l’ARS")).toBeVisible();
  await officerContext.close();

  // 5. The coordinator records the signature: the amendment is part of the contract.
  await page.reload();
  const signature = page.getByRole("region", { name: "Signature" });
  await signature.getByLabel("Date de signature").fill("2026-11-20");
  await signature.getByRole("button", { name: "Enregistrer la signature" }).click();
  await expect(page.getByRole("region", { name: "L’avenant", exact: true })).toContainText("20 novembre 2026");
  await expect(page.getByRole("region", { name: "Différences" }).getByRole("heading", { name: "Fiches closes (1)" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Contrat modifié par l’avenant en PDF" })).toBeVisible();
  await expectNoAxeViolations(page);
  await photograph(page, "avenant", (name) => testInfo.outputPath(name));

  await page.goto(contractPath);
  const amended = page.getByRole("region", { name: /^Avenants/ });
  await expect(amended).toContainText("Par l’avenant n°\u00a01, signé le 20 novembre 2026.");
  await expectNoAxeViolations(page);
  // The fiche it closed stays in the contract's list, closed on the signature's day.
  await expect(
    page
      .getByRole("region", { name: /^Fiches actions/ })
      .getByRole("listitem")
      .filter({ hasText: closed }),
  ).toContainText("Close le 20 novembre 2026");

  // 6. The public page shows the amended contract and the amendment's history.
  await page.goto(`/territoires/${TERRITORY}`);
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  for (const fiche of added) await expect(page.getByRole("link", { name: fiche }).first()).toBeVisible();
  const history = page.getByRole("region", { name: "Avenants (1)" });
  await expect(history.getByRole("heading", { name: "Avenant n°\u00a01, signé le 20 novembre 2026" })).toBeVisible();
  await expect(history).toContainText(purpose);
  await expect(history.getByRole("heading", { name: "Fiches ajoutées (2)" })).toBeVisible();
  await expect(history.getByRole("heading", { name: "Fiches closes (1)" })).toBeVisible();
  await expect(history).toContainText(closed);
  await expectNoAxeViolations(page);
  await photograph(page, "page-publique", (name) => testInfo.outputPath(name));
});
