// A region's PRS objectives as its ARS officer keeps them, from the portfolio: adding one (a
// missing label said at its field, the code typed kept), then a coordinator of the region names
// it on a fiche, and the officer archives it: the fiche keeps it. Axe-clean at each step.
import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";
import { signInAs } from "./sign-in";
import { createFiche, openContract, unique } from "./workspace";

const OFFICER = "ars@auvergne-rhone-alpes.test";
const COORDINATOR = "coordination@romans-sur-isere.test";

test("an officer adds an objective to the region's PRS list, a coordinator names it on a fiche, and archiving leaves it there", async ({
  page,
  browser,
}) => {
  // Two people, a new fiche and four axe passes.
  test.slow();
  const code = `9.${Math.floor(Math.random() * 1e6)}`;
  const label = `Objectif de test ${unique()}`;
  const name = `${code} – ${label}`;

  await signInAs(page, OFFICER);
  await page.goto("/portefeuille");
  await page.getByRole("link", { name: "Objectifs du projet régional de santé" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Objectifs du projet régional de santé");
  await expect(page.getByRole("main")).toContainText("Auvergne-Rhône-Alpes");
  await expectNoAxeViolations(page);

  const form = page.getByRole("region", { name: "Ajouter un objectif" });
  await form.getByLabel("Code").fill(code);
  await form.getByRole("button", { name: "Ajouter l’objectif" }).click();
  await expect(form.getByText("Saisissez l’intitulé de l’objectif.").first()).toBeVisible();
  await expect(form.getByLabel("Code")).toHaveValue(code);
  await expectNoAxeViolations(page);
  await form.getByLabel("Intitulé").fill(label);
  await form.getByRole("button", { name: "Ajouter l’objectif" }).click();
  await expect(form.getByRole("status")).toContainText(`L’objectif « ${name} » est ajouté à la liste.`);
  const offered = page.getByRole("region", { name: /^Objectifs proposés aux fiches/ });
  await expect(offered).toContainText(name);

  const context = await browser.newContext();
  const coordinator = await context.newPage();
  await signInAs(coordinator, COORDINATOR);
  await openContract(coordinator, "romans-sur-isere");
  await createFiche(coordinator, `Fiche du PRS ${unique()}`);
  await coordinator.getByLabel("Objectif du projet régional de santé").selectOption({ label: name });
  await coordinator.getByRole("button", { name: "Enregistrer la fiche" }).click();
  await expect(coordinator.getByRole("main").getByRole("status").first()).toHaveText("Fiche enregistrée.");
  await coordinator.reload();
  await expect(coordinator.getByLabel("Objectif du projet régional de santé").locator("option:checked")).toHaveText(name);
  await expectNoAxeViolations(coordinator);

  await page.reload();
  await offered.getByRole("button", { name: `Archiver l’objectif ${name}` }).click();
  const archived = page.getByRole("region", { name: /^Objectifs archivés/ });
  await expect(archived).toContainText(name);
  await expect(archived).toContainText("Cité par 1\u00a0fiche action");
  await expectNoAxeViolations(page);
  await coordinator.reload();
  await expect(coordinator.getByLabel("Objectif du projet régional de santé").locator("option:checked")).toHaveText(name);
  await context.close();
});
