// A coordinator writes a fiche action in the browser: objectives with partners' commitments,
// a budget; records its progress and reads its history; a deleted fiche comes back from the
// trash. A contributor edits only the fiche they pilot. Each test writes fiches of its own,
// with titles no other test uses.
import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";
import { signInAs } from "./sign-in";
import { createContract, createFiche, openContract, pickSuggestion, unique } from "./workspace";

const COORDINATOR = "coordination@romans-sur-isere.test";

/** Picks an option of a combobox by typing part of its name, keyboard only. */

test.describe("fiches actions", () => {
  test("a partner missing from the list is created on the spot from the fiche form, a wrong SIREN named at its field, and nothing typed is lost", async ({
    page,
  }) => {
    const suffix = unique();
    const title = `Fiche d’un nouveau partenaire ${suffix}`;
    const organisation = `MSP des Monts du Matin ${suffix}`;
    await signInAs(page, COORDINATOR);
    await openContract(page, "romans-sur-isere");
    await page.getByRole("link", { name: "Nouvelle fiche action" }).click();
    await expectNoAxeViolations(page);

    await page.getByLabel("Intitulé", { exact: true }).fill(title);
    await page.getByText("Une organisation manque à la liste").click();
    const newOrganisation = page.locator("details").filter({ hasText: "Une organisation manque à la liste" });
    await newOrganisation.getByLabel("Nom de l’organisation").fill(organisation);
    await newOrganisation.getByLabel("Type d’organisation").selectOption({ label: "Autre organisme" });
    await newOrganisation.getByLabel("SIREN").fill("123 456 789");
    await newOrganisation.getByRole("button", { name: "Créer l’organisation" }).click();
    await expect(newOrganisation.getByLabel("SIREN")).toHaveAccessibleDescription(/Ce SIREN n’est pas valide/);
    await newOrganisation.getByLabel("SIREN").fill("");
    await newOrganisation.getByRole("button", { name: "Créer l’organisation" }).click();
    await expect(newOrganisation.getByRole("status")).toHaveText(`L’organisation ${organisation} est créée.`);
    await expect(page.getByLabel("Intitulé", { exact: true })).toHaveValue(title);
    await page.getByRole("button", { name: "Ajouter un partenaire" }).click();
    await pickSuggestion(page, "Partenaire 1", `msp monts ${suffix}`, organisation);
  });

  test("create a fiche with a pilot, objectives, commitments and budget; a mistake is named at its field, and nothing typed is lost", async ({
    page,
  }) => {
    const title = `Développer l’exercice coordonné ${unique()}`;
    await signInAs(page, COORDINATOR);
    await openContract(page, "romans-sur-isere");
    await page.getByRole("link", { name: "Nouvelle fiche action" }).click();
    await page.getByLabel("Intitulé", { exact: true }).fill(title);
    await page.getByLabel("Axe", { exact: true }).selectOption({ index: 1 });
    await pickSuggestion(page, "Structure pilote", "cpam dro", "CPAM de la Drôme");
    await page.getByRole("button", { name: "Ajouter une ligne de budget" }).click();
    await page.getByLabel("Ou son nom").fill("Commune");
    await page.getByLabel("Montant (€)").fill("8 000");
    await page.getByRole("button", { name: "Ajouter une ligne de budget" }).click();
    await pickSuggestion(page, "Financeur 2", "cpam dro", "CPAM de la Drôme");
    await page.getByLabel("Montant (€)").nth(1).fill("2 000");
    await expect(page.getByText("Total : 10 000,00 €")).toBeVisible();
    await expect(page.getByText("Part : 80 %")).toBeVisible();
    await page.getByLabel("santé mentale").check();
    for (const [index, objective] of ["Ouvrir une maison de santé", "Recruter deux médecins"].entries()) {
      await page.getByRole("button", { name: "Ajouter un objectif" }).click();
      await page.getByLabel(`Objectif ${index + 1}`, { exact: true }).fill(objective);
    }
    await page.getByLabel("Avancement (%)").nth(1).fill("150");
    await page.getByRole("button", { name: "Ajouter un engagement" }).first().click();
    await pickSuggestion(page, "Partenaire engagé 1", "ville romans", "Ville de Romans-sur-Isère");
    await page.getByLabel("Engagement", { exact: true }).fill("Mettre des locaux à disposition");
    await page.getByRole("button", { name: "Créer la fiche" }).click();
    // A mistake is named at its field, and nothing typed is lost.
    await expect(page.getByLabel("Avancement (%)").nth(1)).toHaveAccessibleDescription("Un pourcentage entre 0 et 100.");
    await expect(page.getByLabel("Objectif 2", { exact: true })).toHaveValue("Recruter deux médecins");
    await expect(page.getByLabel("Engagement", { exact: true })).toHaveValue("Mettre des locaux à disposition");
    await page.getByLabel("Avancement (%)").nth(1).fill("50");
    await page.getByRole("button", { name: "Créer la fiche" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(new RegExp(`^Fiche n°\\s\\d+ – ${title}$`));
    await expect(page.getByLabel("Objectif 2", { exact: true })).toHaveValue("Recruter deux médecins");
    await expect(page.getByText("Total : 10 000,00 €")).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("a new fiche of a published contract is not public until a coordinator publishes it; the public then reads its objectives", async ({
    page,
  }) => {
    const title = `Fiche à publier ${unique()}`;
    await signInAs(page, COORDINATOR);
    await openContract(page, "romans-sur-isere");
    await page.getByRole("link", { name: "Nouvelle fiche action" }).click();
    await page.getByLabel("Intitulé", { exact: true }).fill(title);
    await page.getByLabel("Axe", { exact: true }).selectOption({ index: 1 });
    await page.getByRole("button", { name: "Ajouter un objectif" }).click();
    await page.getByLabel("Objectif 1", { exact: true }).fill("Recruter deux médecins");
    await page.getByRole("button", { name: "Créer la fiche" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(new RegExp(`^Fiche n°\\s\\d+ – ${title}$`));

    const fichePage = page.url();
    await page.goto("/territoires/romans-sur-isere");
    await expect(page.getByRole("list", { name: "Fiches actions de l’axe 2" })).not.toContainText(title);
    await page.goto(fichePage);
    const publication = page.getByRole("region", { name: "Publication" });
    await expect(publication).toContainText("Non publiée");
    await publication.getByRole("button", { name: "Publier la version enregistrée de la fiche" }).click();
    await expect(publication).toContainText("Le public lit la version publiée le");
    await publication.getByRole("link", { name: "Voir la page publique" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.getByRole("region", { name: "Objectifs opérationnels" })).toContainText("Recruter deux médecins");
    await page.goto("/territoires/romans-sur-isere");
    await expect(page.getByRole("list", { name: "Fiches actions de l’axe 2" })).toContainText(title);
  });

  test("a fiche's status and an indicator's measurements are saved, and the fiche's history shows what changed", async ({ page }) => {
    await signInAs(page, COORDINATOR);
    await openContract(page, "romans-sur-isere");
    await createFiche(page, `Fiche suivie ${unique()}`);

    await page.getByLabel("Statut").first().selectOption({ label: "En cours" });
    await page.getByRole("button", { name: "Enregistrer la fiche" }).click();
    await expect(page.getByRole("main").getByRole("status").first()).toHaveText("Fiche enregistrée.");

    // An indicator with two measurements, and where it stands against its target, on the fiche's
    // indicators page.
    await page
      .getByRole("navigation", { name: "Pages de la fiche" })
      .getByRole("link", { name: /^Indicateurs/ })
      .click();
    await expect(page).toHaveURL(/\/indicateurs$/);
    const indicators = page.getByRole("region", { name: /^Indicateurs/ });
    await indicators.getByLabel("Nom de l’indicateur").fill("Médecins installés");
    await indicators.getByLabel("Unité").fill("médecins");
    await indicators.getByLabel("Valeur de départ").fill("0");
    await indicators.getByLabel("Date de départ").fill("2024-01-01");
    await indicators.getByLabel("Cible", { exact: true }).fill("4");
    // Far ahead: a target not reached once its date has passed is late (lib/indicators/trajectory.ts).
    await indicators.getByLabel("Date de la cible").fill("2030-12-31");
    await indicators.getByRole("button", { name: "Ajouter l’indicateur" }).click();
    const indicator = indicators.getByRole("listitem").filter({ has: page.getByRole("heading", { name: "Médecins installés" }) });
    await expect(indicator).toBeVisible();
    for (const [date, value] of [
      ["2025-01-15", "1"],
      ["2025-09-30", "3"],
    ]) {
      const measurement = indicator.getByRole("form", { name: "Nouvelle mesure de « Médecins installés »" });
      await measurement.getByLabel("Date de la mesure").fill(date);
      await measurement.getByLabel("Valeur").fill(value);
      await measurement.getByRole("button", { name: "Enregistrer la mesure" }).click();
      await expect(indicator.getByRole("row").filter({ hasText: value === "1" ? "15 janvier 2025" : "30 septembre 2025" })).toBeVisible();
    }
    await expect(indicator.getByRole("definition").filter({ hasText: "3 médecins" })).toContainText("30 septembre 2025");
    await expect(indicator.getByText("Dans la trajectoire")).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByRole("link", { name: "Historique des modifications" }).click();
    const history = page.getByRole("list", { name: "Modifications de la fiche" }).getByRole("listitem");
    await expect(history.first()).toContainText("Fiche modifiée");
    await expect(history.first().getByRole("row", { name: /Statut/ })).toContainText("Non commencée");
    await expect(history.first().getByRole("row", { name: /Statut/ })).toContainText("En cours");
    await expect(history.nth(1)).toContainText("Fiche créée");
    await expectNoAxeViolations(page);
  });

  test("a contract lists a fiche at the average of its objectives; put in the trash it leaves the contract, restored it comes back", async ({
    page,
  }) => {
    // A draft contract of its own: its trash holds this test's fiche only.
    const contract = `Contrat de la corbeille ${unique()}`;
    const fiche = `Fiche à restaurer ${unique()}`;
    await signInAs(page, COORDINATOR);
    await createContract(page, "romans-sur-isere", contract, { axes: ["Accès aux soins"] });
    await createFiche(page, fiche, [
      { title: "Ouvrir une maison de santé", progress: "0" },
      { title: "Recruter deux médecins", progress: "50" },
    ]);
    const breadcrumb = page.getByRole("navigation", { name: "Fil d’Ariane" });

    // On the contract page, the fiche shows the average of its objectives (0 and 50).
    await breadcrumb.getByRole("link", { name: contract }).click();
    const listed = page
      .getByRole("list", { name: /^Fiches actions de/ })
      .getByRole("listitem")
      .filter({ hasText: fiche });
    await expect(listed).toContainText("25 %");

    await listed.getByRole("link").first().click();
    await page.getByRole("button", { name: /Mettre à la corbeille la fiche n°\s\d+/ }).click();
    await page.getByRole("button", { name: "Mettre à la corbeille", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(contract);
    await expect(page.getByText(fiche)).toHaveCount(0);
    await page.getByRole("link", { name: "Corbeille" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Corbeille");
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: /Restaurer la fiche n°\s\d+/ }).click();
    // The restore re-renders the page: its outcome is awaited before leaving it.
    await expect(page.getByText("Aucune fiche dans la corbeille.")).toBeVisible();
    await page.getByRole("navigation", { name: "Fil d’Ariane" }).getByRole("link", { name: contract }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(contract);
    await expect(page.getByText(fiche)).toBeVisible();
  });

  test("a fiche with an objective and an indicator can be written with the keyboard alone", async ({ page }) => {
    const title = `Fiche écrite au clavier ${unique()}`;
    await signInAs(page, COORDINATOR);
    await openContract(page, "romans-sur-isere");
    // Every step below is keys only: focus moves with Tab, buttons answer Enter or Space.
    const press = async (name: string) => {
      await page.getByRole("button", { name, exact: true }).focus();
      await page.keyboard.press("Enter");
    };
    await page.getByRole("link", { name: "Nouvelle fiche action" }).focus();
    await page.keyboard.press("Enter");
    await page.getByLabel("Intitulé", { exact: true }).focus();
    await page.keyboard.type(title);
    await page.keyboard.press("Tab");
    await expect(page.getByLabel("Axe", { exact: true })).toBeFocused();
    await page.getByRole("combobox", { name: "Structure pilote" }).focus();
    await page.keyboard.type("cpam dro");
    // Suggestions come from the server a moment after typing, as a keyboard user sees them arrive.
    await expect(page.getByRole("option", { name: "CPAM de la Drôme" })).toBeVisible();
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect(page.getByRole("combobox", { name: "Structure pilote" })).toHaveValue("CPAM de la Drôme");
    await press("Ajouter un objectif");
    await page.getByLabel("Objectif 1", { exact: true }).focus();
    await page.keyboard.type("Un objectif saisi au clavier");
    await page.getByRole("checkbox", { name: "mobilité" }).focus();
    await page.keyboard.press("Space");
    await expect(page.getByRole("checkbox", { name: "mobilité" })).toBeChecked();
    await press("Créer la fiche");
    await expect(page.getByRole("heading", { level: 1 })).toContainText(title);

    await page
      .getByRole("navigation", { name: "Pages de la fiche" })
      .getByRole("link", { name: /^Indicateurs/ })
      .focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/indicateurs$/);
    const indicators = page.getByRole("region", { name: /^Indicateurs/ });
    await indicators.getByLabel("Nom de l’indicateur").focus();
    await page.keyboard.type("Réunions tenues");
    await indicators.getByRole("button", { name: "Ajouter l’indicateur" }).focus();
    await page.keyboard.press("Enter");
    const measurement = page.getByRole("form", { name: "Nouvelle mesure de « Réunions tenues »" });
    // The order of a date field's parts follows the browser's language, which differs between
    // machines: the date is filled, the rest typed.
    await measurement.getByLabel("Date de la mesure").fill("2025-03-15");
    await measurement.getByLabel("Valeur").focus();
    await page.keyboard.type("4");
    await page.keyboard.press("Enter");
    await expect(indicators.getByRole("row").filter({ hasText: "15 mars 2025" })).toBeVisible();
  });

  test("leaving a fiche with unsaved changes asks first", async ({ page }) => {
    await signInAs(page, COORDINATOR);
    await openContract(page, "romans-sur-isere");
    await page.getByRole("link", { name: "Nouvelle fiche action" }).click();
    await page.getByLabel("Intitulé", { exact: true }).fill("Brouillon");
    let asked = "";
    page.once("dialog", async (dialog) => {
      asked = dialog.message();
      await dialog.dismiss();
    });
    await page.getByRole("link", { name: "Mon espace" }).first().click();
    await expect.poll(() => asked).toContain("modifications non enregistrées");
    await expect(page.getByLabel("Intitulé", { exact: true })).toHaveValue("Brouillon");
  });

  test("a contributor edits the fiche they pilot, and no other", async ({ browser }) => {
    const coordinatorContext = await browser.newContext();
    const coordinator = await coordinatorContext.newPage();
    const title = `Fiche pilotée par la contribution ${unique()}`;
    await signInAs(coordinator, "coordination@pays-ruffecois.test");
    await openContract(coordinator, "pays-ruffecois");
    await coordinator.getByRole("link", { name: "Nouvelle fiche action" }).click();
    await coordinator.getByLabel("Intitulé", { exact: true }).fill(title);
    await coordinator
      .getByLabel("Compte du pilote sur OpenCLS")
      .selectOption({ label: "Contribution CLS Pays du Ruffécois (contribution@pays-ruffecois.test)" });
    await coordinator.getByRole("button", { name: "Créer la fiche" }).click();
    await expect(coordinator.getByRole("heading", { level: 1 })).toContainText(title);
    const piloted = coordinator.url();
    await coordinatorContext.close();

    const contributorContext = await browser.newContext();
    const contributor = await contributorContext.newPage();
    await signInAs(contributor, "contribution@pays-ruffecois.test");
    await contributor.goto(piloted);
    await expect(contributor.getByLabel("Axe", { exact: true })).toHaveCount(0);
    await contributor.getByLabel("Objectif général").fill("Faciliter les déplacements vers les soins");
    await contributor.getByRole("button", { name: "Enregistrer la fiche" }).click();
    await expect(contributor.getByRole("main").getByRole("status").first()).toHaveText("Fiche enregistrée.");
    await expect(contributor.getByRole("button", { name: /corbeille/ })).toHaveCount(0);
    await expectNoAxeViolations(contributor);
    await contributorContext.close();
  });
});
