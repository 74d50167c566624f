// Importing fiches from a spreadsheet as French Excel writes it: a 40-row CSV with a BOM and
// semicolons, 3 rows of which are wrong. Valid rows go in, wrong ones are named by column,
// and importing the same file again duplicates nothing.
import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";
import { signIn } from "./sign-in";

function frenchCsv(): string {
  const header = "Numéro;Axe;Intitulé;Statut;Avancement (%);Structure pilote;Début;Fin;Thématiques";
  const rows = Array.from({ length: 40 }, (_, index) => {
    const number = 101 + index;
    const axis = (index % 2) + 1;
    if (index === 4) return `${number};${axis};;En cours;10;;;;`; // no title
    if (index === 17) return `${number};${axis};"Fiche ${number}; avec un point-virgule";Fini;10;;;;`; // unknown status
    if (index === 33) return `${number};${axis};Fiche ${number};En cours;10;;31/02/2025;;`; // no such date
    return `${number};${axis};Fiche importée n° ${number};En cours;${index};Communauté d’Agglomération de Lens-Liévin;01/01/2025;31/12/2027;santé mentale, mobilité`;
  });
  return `\uFEFF${[header, ...rows].join("\r\n")}\r\n`;
}

test("import 40 fiches from a French CSV with 3 bad rows, then again without duplicates", async ({ page }) => {
  // A draft contract of its own, with two axes: the published pages other tests read stay as seeded.
  await signIn(page, "coordination@lens-lievin.test");
  await page.goto("/espace/lens-lievin/contrats/nouveau");
  await page.getByLabel("Titre").fill("Contrat local de santé de Lens-Liévin, 2e génération");
  await page.getByRole("button", { name: "Créer le contrat" }).click();
  await page.waitForURL(/\/contrats\/[0-9a-f-]{36}$/);
  for (const title of ["Prévention", "Accès aux soins"]) {
    await page.getByRole("region", { name: "Ajouter un axe" }).getByLabel("Intitulé de l’axe").fill(title);
    await page.getByRole("button", { name: "Ajouter l’axe" }).click();
    await expect(page.getByRole("heading", { level: 3, name: new RegExp(title) })).toBeVisible();
  }
  await page.getByRole("link", { name: "Importer des fiches" }).click();
  await expectNoAxeViolations(page);

  const [template] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Télécharger le modèle (.xlsx)" }).click()]);
  expect(template.suggestedFilename()).toBe("modele-import-fiches.xlsx");

  // Too large a file is refused in the browser, before any upload.
  await page.getByLabel("Fichier .xlsx ou .csv").setInputFiles({ name: "enorme.csv", mimeType: "text/csv", buffer: Buffer.alloc(6 * 1024 * 1024, "a") });
  await page.getByRole("button", { name: "Vérifier le fichier" }).click();
  await expect(page.getByLabel("Fichier .xlsx ou .csv")).toHaveAccessibleDescription(/Ce fichier dépasse 5\sMo\s: découpez-le\./);

  const file = { name: "fiches.csv", mimeType: "text/csv", buffer: Buffer.from(frenchCsv(), "utf8") };
  await page.getByLabel("Fichier .xlsx ou .csv").setInputFiles(file);
  await page.getByRole("button", { name: "Vérifier le fichier" }).click();
  await expect(page.getByText("37 lignes valides, 3 lignes en erreur")).toBeVisible();
  const rows = page.getByRole("table", { name: /Chaque ligne du fichier/ }).getByRole("row");
  await expect(rows.filter({ has: page.getByRole("rowheader", { name: "6", exact: true }) })).toContainText("Intitulé : L’intitulé est obligatoire.");
  await expect(rows.filter({ has: page.getByRole("rowheader", { name: "19", exact: true }) })).toContainText("Statut : Statut inconnu.");
  await expect(rows.filter({ has: page.getByRole("rowheader", { name: "35", exact: true }) })).toContainText("Début : Date invalide");
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Importer les 37 lignes valides" }).click();
  await expect(page.getByRole("main").getByRole("status").first()).toHaveText("Import terminé : 37 fiches créées, 0 mise à jour, 3 lignes écartées.");

  // The same file again: every valid row updates its fiche.
  await page.getByLabel("Fichier .xlsx ou .csv").setInputFiles(file);
  await page.getByRole("button", { name: "Vérifier le fichier" }).click();
  await expect(page.getByRole("table", { name: /Chaque ligne du fichier/ }).getByText("Mise à jour de la fiche")).toHaveCount(37);
  await page.getByRole("button", { name: "Importer les 37 lignes valides" }).click();
  await expect(page.getByRole("main").getByRole("status").first()).toHaveText("Import terminé : 0 fiche créée, 37 mises à jour, 3 lignes écartées.");

  await page.getByRole("navigation", { name: "Fil d’Ariane" }).getByRole("link").nth(2).click();
  const imported = page.getByRole("list", { name: /^Fiches actions de/ }).getByRole("listitem").filter({ hasText: /Fiche importée n°/ });
  await expect(imported).toHaveCount(37);
});
