// A coordinator builds a contract in the browser: creates it, adds and reorders axes,
// publishes it and finds it on the public page; a concurrent edit is caught, not lost. Each test
// works on a contract of its own, but for the export of a demo contract, which it only reads.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "./fixtures";
import ExcelJS from "exceljs";
import { expectNoAxeViolations } from "./accessibility";
import { signInAs } from "./sign-in";
import { addAxis, createContract, openContract, pickSuggestion, unique } from "./workspace";

const COORDINATOR = "coordination@creusot-montceau.test";

async function readWorkbook(page: Page, link: string) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: link }).click()]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  return { download, workbook };
}

test.describe("contract editing", () => {
  // The new-contract form proposes the territory's next free rank: two contracts created in
  // Creusot Montceau at the same moment would claim the same one. These tests run one after the other.
  test.describe.configure({ mode: "default" });

  test("create a contract: a mistake is named at its field, the duration is worked out, and the contract opens", async ({ page }) => {
    await signInAs(page, COORDINATOR);
    await page.goto("/espace/creusot-montceau");
    await page.getByRole("link", { name: "Nouveau contrat" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nouveau contrat");
    await expectNoAxeViolations(page);

    const title = `Contrat local de santé Creusot Montceau ${unique()}`;
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
    await pickSuggestion(page, "Signataire 1", "agence bourgogne", "Agence régionale de santé Bourgogne-Franche-Comté");
    await page.getByRole("button", { name: "Créer le contrat" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expectNoAxeViolations(page);
  });

  test("axes are added, numbered, and reordered with the keyboard", async ({ page }) => {
    await signInAs(page, COORDINATOR);
    await createContract(page, "creusot-montceau", `Contrat aux axes réordonnés ${unique()}`);
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
  });

  test("a published contract is on the public page, and its export carries real dates and the axes in order", async ({ page }) => {
    const title = `Contrat local de santé Creusot Montceau publié ${unique()}`;
    await signInAs(page, COORDINATOR);
    await createContract(page, "creusot-montceau", title, {
      axes: ["Accès aux soins", "Prévention et promotion de la santé"],
      fill: async () => {
        await page.getByLabel("Début").fill("2025-01-01");
        await page.getByLabel("Fin").fill("2029-12-31");
        await page.getByRole("button", { name: "Ajouter un constat" }).click();
        await page.getByLabel("Constat 1", { exact: true }).fill("Une offre de soins de premier recours insuffisante");
      },
    });
    await addAxis(page, "Mobilité", true);

    // Publish.
    await page.getByRole("link", { name: "Modifier le contrat" }).click();
    await page.getByLabel("Visibilité").selectOption("published");
    await page.getByLabel("Étape").selectOption({ label: "Signé" });
    await page.getByRole("button", { name: "Enregistrer" }).click();
    await expect(page.getByRole("main").getByRole("status")).toHaveText("Modifications enregistrées.");
    await expectNoAxeViolations(page);

    // The export carries the dates as real dates, in the French format.
    await page.getByRole("navigation", { name: "Fil d’Ariane" }).getByRole("link", { name: title }).click();
    const { workbook } = await readWorkbook(page, "Exporter en Excel (.xlsx)");
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
});

test.describe("concurrent editing", () => {
  test("two people editing the same contract: the second sees what changed and chooses", async ({ browser }) => {
    const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
    const [first, second] = await Promise.all(contexts.map((context) => context.newPage()));
    await signInAs(first, "coordination@pays-ruffecois.test");
    await signInAs(second, "admin@opencls.test");
    // A contract of its own, whose reference nobody else has set.
    await createContract(first, "pays-ruffecois", `Contrat modifié à deux ${unique()}`);
    const contract = first.url();
    for (const page of [first, second]) {
      await page.goto(contract);
      await page.getByRole("link", { name: "Modifier le contrat" }).click();
      // Each form holds the contract's version when it is shown: both are, before either saves.
      await expect(page.getByLabel("Synthèse du diagnostic")).toBeVisible();
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
    await signInAs(page, "coordination@romans-sur-isere.test");
    await openContract(page, "romans-sur-isere");
    const { download, workbook } = await readWorkbook(page, "Exporter en Excel (.xlsx)");
    expect(download.suggestedFilename()).toBe("cls-romans-sur-isere-1.xlsx");

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
    const headers = fiches.getRow(1).values as unknown[];
    expect(headers.slice(0, 13)).toEqual([
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
    ]);
    // Every other field of a fiche follows, in the form's order (lib/fiches/schema.ts): these, and
    // any field added to the catalogue among them (tests/integration/fiche-catalogue.test.ts checks each is there).
    const others = [
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
    ];
    expect(headers.filter((header) => others.includes(header as string))).toEqual(others);
    // The demo fiches in order; other tests add fiches to this contract while it runs.
    const numbers = fiches.getColumn(3).values.slice(2);
    expect(numbers.filter((number) => Number(number) <= 10)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
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

test.describe("the contract page's fiches", () => {
  test("are narrowed by words, axis and status, and each axis leads to its own", async ({ page }) => {
    await signInAs(page, "coordination@romans-sur-isere.test");
    await openContract(page, "romans-sur-isere");
    const fiches = page.getByRole("region", { name: /^Fiches actions/ });

    // Words of a title, from the address: the list says how many it keeps and offers them all back.
    await page.goto(`${page.url().split("?")[0]}?q=ALIMENTATION#fiches`);
    await expect(fiches.getByRole("status")).toHaveText(/^1\sfiche retenue sur \d+\.\sVoir toutes les fiches$/);
    await expect(
      fiches.getByRole("link", { name: "Renforcer et développer des actions de prévention autour de l’alimentation" }),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await fiches.getByRole("link", { name: "Voir toutes les fiches" }).click();
    await expect(fiches.getByRole("status")).toHaveCount(0);

    // An axis's count of fiches leads to them, under that axis only.
    const axis5 = page
      .getByRole("region", { name: /^Axes stratégiques/ })
      .getByRole("listitem")
      .filter({ hasText: "Axe 5" });
    await axis5.getByRole("link", { name: /fiches? actions?$/ }).click();
    await expect(fiches.getByRole("list", { name: "Fiches actions de l’axe 5" })).toContainText(
      "Promouvoir la santé sexuelle et affective",
    );
    await expect(fiches.getByRole("list")).toHaveCount(1);

    // The form keeps the axis and adds a status.
    await expect(fiches.getByLabel("Axe", { exact: true })).not.toHaveValue("");
    await fiches.getByLabel("Statut").selectOption({ label: "Abandonnée" });
    await fiches.getByRole("button", { name: "Filtrer" }).click();
    await expect(page).toHaveURL(/statut=abandoned/);
    await expect(fiches.getByRole("status")).toHaveText(/^\d+\sfiches? retenues? sur \d+\./);
    await expectNoAxeViolations(page);
  });
});
