// A coordinator builds a contract in the browser: creates it, adds and reorders axes,
// publishes it and finds it on the public page; a concurrent edit is caught, not lost.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "./fixtures";
import ExcelJS from "exceljs";
import { expectNoAxeViolations } from "./accessibility";
import { signIn } from "./sign-in";

async function addAxis(page: Page, title: string, transversal = false) {
  const form = page.getByRole("region", { name: "Ajouter un axe" });
  await form.getByLabel("Intitulé de l’axe").fill(title);
  if (transversal) await form.getByLabel(/Axe transversal/).check();
  await form.getByRole("button", { name: "Ajouter l’axe" }).click();
  await expect(form.getByRole("status")).toHaveText(`L’axe « ${title} » est ajouté.`);
}

test.describe("contract editing", () => {
  test("create a contract, add and reorder axes, publish it, read it on the public page", async ({ page }) => {
    await signIn(page, "coordination@creusot-montceau.test");
    await page.goto("/espace/creusot-montceau");
    await page.getByRole("link", { name: "Nouveau contrat" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nouveau contrat");
    await expectNoAxeViolations(page);

    const title = `Contrat local de santé Creusot Montceau ${randomUUID().slice(0, 4)}`;
    await page.getByLabel("Titre").fill(title);
    await page.getByLabel("Début").fill("2025-01-01");
    await page.getByLabel("Fin").fill("2024-12-31");
    await page.getByRole("button", { name: "Créer le contrat" }).click();
    await expect(page.getByLabel("Fin")).toHaveAccessibleDescription("La fin ne peut pas précéder le début.");
    await page.getByLabel("Fin").fill("2029-12-31");
    await expect(page.getByText("Durée : 5 ans")).toBeVisible();
    await page.getByRole("button", { name: "Ajouter un constat" }).click();
    await page.getByLabel("Constat 1", { exact: true }).fill("Une offre de soins de premier recours insuffisante");
    await page.getByRole("button", { name: "Ajouter un signataire" }).click();
    await page.getByLabel("Signataire 1", { exact: true }).selectOption({ label: "Agence régionale de santé Bourgogne-Franche-Comté" });
    await page.getByRole("button", { name: "Créer le contrat" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expectNoAxeViolations(page);

    await addAxis(page, "Prévention et promotion de la santé");
    await addAxis(page, "Accès aux soins");
    await addAxis(page, "Mobilité", true);
    const axes = page.getByRole("region", { name: /Axes stratégiques/ }).getByRole("heading", { level: 3 });
    await expect(axes).toHaveText([
      /^Axe 1\W+Prévention et promotion de la santé$/,
      /^Axe 2\W+Accès aux soins$/,
      /^Axe transversal\W+Mobilité$/,
    ]);

    // Reorder with the keyboard: focus the button, press Enter.
    await page.getByRole("button", { name: "Monter l’Axe 2 « Accès aux soins »" }).focus();
    await page.keyboard.press("Enter");
    await expect(axes).toHaveText([
      /^Axe 1\W+Accès aux soins$/,
      /^Axe 2\W+Prévention et promotion de la santé$/,
      /^Axe transversal\W+Mobilité$/,
    ]);

    // Publish.
    await page.getByRole("link", { name: "Modifier le contrat" }).click();
    await page.getByLabel("Visibilité").selectOption("published");
    await page.getByLabel("Étape").selectOption({ label: "Signé" });
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText("Modifications enregistrées.");
    await expectNoAxeViolations(page);

    // The export carries the dates as real dates, in the French format.
    await page.getByRole("navigation", { name: "Fil d’Ariane" }).getByRole("link", { name: title }).click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Exporter en Excel (.xlsx)" }).click(),
    ]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    const facts = workbook.getWorksheet("Contrat")!;
    const start = facts.getColumn(1).values.indexOf("Début");
    expect(facts.getCell(start, 2).value).toEqual(new Date("2025-01-01T00:00:00Z"));
    expect(facts.getCell(start, 2).numFmt).toBe("dd/mm/yyyy");
    expect(facts.getCell(facts.getColumn(1).values.indexOf("Durée (mois)"), 2).value).toBe(60);
    expect(workbook.getWorksheet("Avancement par axe")!.getColumn(2).values.slice(2)).toEqual([
      "Accès aux soins",
      "Prévention et promotion de la santé",
      "Mobilité",
    ]);

    await page.goto("/territoires/creusot-montceau");
    await expect(page.getByRole("heading", { name: title })).toBeVisible();
    await expect(page.getByText("Une offre de soins de premier recours insuffisante")).toBeVisible();
    await expect(page.getByRole("heading", { name: "Axe 1 : Accès aux soins" })).toBeVisible();
  });

  test("two people editing the same contract: the second sees what changed and chooses", async ({ browser }) => {
    const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
    const [first, second] = await Promise.all(contexts.map((context) => context.newPage()));
    await signIn(first, "coordination@pays-ruffecois.test");
    await signIn(second, "admin@opencls.test");
    for (const page of [first, second]) {
      await page.goto("/espace/pays-ruffecois");
      await page.getByRole("region", { name: "Contrats du territoire" }).getByRole("link").first().click();
      await page.getByRole("link", { name: "Modifier le contrat" }).click();
    }
    await first.getByLabel("Référence du projet régional de santé").fill("PRS Nouvelle-Aquitaine 2018-2028");
    await first.getByRole("button", { name: "Enregistrer" }).click();
    await expect(first.getByRole("main").getByRole("status")).toHaveText("Modifications enregistrées.");

    await second.getByLabel("Synthèse du diagnostic").fill("Un territoire rural vieillissant.");
    await second.getByRole("button", { name: "Enregistrer" }).click();
    const conflict = second.getByRole("main").getByRole("alert");
    await expect(conflict).toContainText("Quelqu’un d’autre a enregistré cet élément");
    await expect(conflict).toContainText("Projet régional de santé : — → PRS Nouvelle-Aquitaine 2018-2028");
    await expect(conflict).toContainText("par Coordination CLS Pays du Ruffécois");
    // Nothing typed is lost.
    await expect(second.getByLabel("Synthèse du diagnostic")).toHaveValue("Un territoire rural vieillissant.");
    await expectNoAxeViolations(second);

    await second.getByRole("button", { name: "Enregistrer mes saisies par-dessus" }).click();
    await expect(second.getByRole("main").getByRole("status")).toHaveText("Modifications enregistrées.");
    await Promise.all(contexts.map((context) => context.close()));
  });
});

test.describe("excel export", () => {
  test("a coordinator exports the contract as .xlsx, and the file reads back with its content", async ({ page }) => {
    await signIn(page, "coordination@romans-sur-isere.test");
    await page.goto("/espace/romans-sur-isere");
    await page.getByRole("region", { name: "Contrats du territoire" }).getByRole("link").first().click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Exporter en Excel (.xlsx)" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe("cls-romans-sur-isere-1.xlsx");

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(await download.path());
    expect(workbook.worksheets.map((worksheet) => worksheet.name)).toEqual([
      "Contrat",
      "Signataires et partenaires",
      "Axes et fiches",
      "Avancement par axe",
      "Objectifs",
      "Indicateurs",
    ]);
    const facts = workbook.getWorksheet("Contrat")!;
    expect(facts.getCell("B3").value).toBe("Contrat local de santé de la Ville de Romans-sur-Isère");
    expect(facts.getCell("B5").value).toBe("Signé");

    const fiches = workbook.getWorksheet("Axes et fiches")!;
    expect(fiches.getRow(1).values).toEqual([
      undefined,
      "Axe",
      "Intitulé de l’axe",
      "Fiche n°",
      "Intitulé de la fiche",
      "Statut",
      "Avancement",
      "Pilote",
      "Partenaires",
      "Début",
      "Fin",
      "Budget",
      "Thématiques",
      // Every other field of a fiche follows, in the form's order (lib/fiches/schema.ts).
      "Priorité",
      "Poids",
      "Contexte",
      "Objectif général",
      "Description",
      "Public cible",
      "Publics vulnérables",
      "Périmètre géographique",
      "Précisions sur le périmètre",
      "Compte du pilote",
      "E-mail du contact pilote",
      "Objectif du PRS",
      "Déterminants de santé",
      "Fiche poursuivie",
    ]);
    const numbers = fiches.getColumn(3).values.slice(2);
    expect(numbers.slice(0, 10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(fiches.getCell("A2").value).toBe("Axe 1");
    expect(fiches.getCell("F2").numFmt).toBe("0 %");
    expect(workbook.getWorksheet("Signataires et partenaires")!.getColumn(1).values).toContain("CPAM de la Drôme");

    const [pdf] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Document PDF" }).click()]);
    expect(pdf.suggestedFilename()).toBe("cls-romans-sur-isere-1.pdf");
    const bytes = await readFile((await pdf.path())!);
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    // A whole document (its content is checked in tests/integration/fiche-editor.test.ts).
    expect(bytes.toString("latin1").trimEnd().endsWith("%%EOF")).toBe(true);
    expect(bytes.toString("latin1").match(/\/Type \/Page\b/g)?.length).toBeGreaterThan(0);
  });
});
