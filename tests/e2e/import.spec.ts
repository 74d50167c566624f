// Importing fiches from a spreadsheet as French Excel writes it: a 40-row CSV with a BOM and
// semicolons, 3 rows of which are wrong. Valid rows go in, wrong ones are named by column,
// importing the same file again changes nothing, and the template as downloaded imports
// nothing. A file that changes existing fiches shows each change, before and after, and is
// imported only once the coordinator confirms them. Each test that imports does it into a draft
// contract of its own, with two axes: the published pages other tests read stay as seeded.
import { expect, test, type Page } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";
import { signInAs } from "./sign-in";
import { createContract, openContract, unique } from "./workspace";

const COORDINATOR = "coordination@lens-lievin.test";
const FILE = "Fichier .xlsx ou .csv";
type Upload = { name: string; mimeType: string; buffer: Buffer };

function frenchCsv(edits: Record<number, string> = {}): string {
  const header = "Numéro;Axe;Intitulé;Statut;Avancement (%);Structure pilote;Début;Fin;Thématiques";
  const rows = Array.from({ length: 40 }, (_, index) => {
    const number = 101 + index;
    const axis = (index % 2) + 1;
    if (index === 4) return `${number};${axis};;En cours;10;;;;`; // no title
    if (index === 17) return `${number};${axis};"Fiche ${number}; avec un point-virgule";Fini;10;;;;`; // unknown status
    if (index === 33) return `${number};${axis};Fiche ${number};En cours;10;;31/02/2025;;`; // no such date
    if (edits[number]) return edits[number];
    return `${number};${axis};Fiche importée n° ${number};En cours;${index};Communauté d’Agglomération de Lens-Liévin;01/01/2025;31/12/2027;santé mentale, mobilité`;
  });
  return `\uFEFF${[header, ...rows].join("\r\n")}\r\n`;
}

/** A draft contract of the test's own, with two axes, open at its import page. */
async function openImportOfNewContract(page: Page) {
  await signInAs(page, COORDINATOR);
  await createContract(page, "lens-lievin", `Contrat local de santé de Lens-Liévin, 2e génération ${unique()}`, {
    axes: ["Prévention", "Accès aux soins"],
  });
  await page.getByRole("link", { name: "Importer des fiches" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Importer des fiches actions");
}

/** Chooses the file and asks for its check. */
async function check(page: Page, file: Upload | string, button = "Vérifier le fichier") {
  await page.getByLabel(FILE).setInputFiles(file);
  await page.getByRole("button", { name: button }).click();
}

const csv = (name: string, content: string): Upload => ({ name, mimeType: "text/csv", buffer: Buffer.from(content, "utf8") });
const importStatus = (page: Page) => page.getByRole("main").getByRole("status").first();

test("the template as downloaded imports nothing, and a file over 5 MB is refused before any upload", async ({ page }) => {
  // Nothing is written: the demo contract's import page will do.
  await signInAs(page, COORDINATOR);
  await openContract(page, "lens-lievin");
  await page.getByRole("link", { name: "Importer des fiches" }).click();
  await expectNoAxeViolations(page);

  const [template] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Télécharger le modèle (.xlsx)" }).click(),
  ]);
  expect(template.suggestedFilename()).toBe("modele-import-fiches.xlsx");
  // The template as downloaded holds only its example row, which matches no fiche.
  await check(page, await template.path());
  await expect(page.getByLabel(FILE)).toHaveAccessibleDescription(/ne contient que la ligne d’exemple du modèle, qui n’est pas importée/);

  // Too large a file is refused in the browser, before any upload.
  await check(page, { name: "enorme.csv", mimeType: "text/csv", buffer: Buffer.alloc(6 * 1024 * 1024, "a") });
  await expect(page.getByLabel(FILE)).toHaveAccessibleDescription(/Ce fichier dépasse 5\sMo\s: découpez-le\./);
});

test("40 rows with 3 wrong ones: the valid rows are imported, the wrong ones named by column; the same file again changes nothing", async ({
  page,
}) => {
  await openImportOfNewContract(page);
  const file = csv("fiches.csv", frenchCsv());
  await check(page, file);
  await expect(page.getByText("37 lignes valides, 3 lignes en erreur")).toBeVisible();
  const rows = page.getByRole("table", { name: /Chaque ligne du fichier/ }).getByRole("row");
  await expect(rows.filter({ has: page.getByRole("rowheader", { name: "6", exact: true }) })).toContainText(
    "Intitulé : L’intitulé est obligatoire.",
  );
  await expect(rows.filter({ has: page.getByRole("rowheader", { name: "19", exact: true }) })).toContainText("Statut : Statut inconnu.");
  await expect(rows.filter({ has: page.getByRole("rowheader", { name: "35", exact: true }) })).toContainText("Début : Date invalide");
  await expectNoAxeViolations(page);

  await page.getByRole("button", { name: "Importer les 37 lignes valides" }).click();
  await expect(importStatus(page)).toHaveText("Import terminé : 37 fiches créées, 0 mise à jour, 3 lignes écartées.");

  // The same file again: every valid row is already up to date, nothing is asked nor written.
  await check(page, file, "Vérifier le fichier à nouveau");
  await expect(page.getByRole("table", { name: /Chaque ligne du fichier/ }).getByText("Déjà à jour")).toHaveCount(37);
  await expect(page.getByLabel(/J’ai vérifié les modifications/)).toHaveCount(0);
  await page.getByRole("button", { name: "Importer les 37 lignes valides" }).click();
  await expect(importStatus(page)).toHaveText("Import terminé : 0 fiche créée, 0 mise à jour, 37 inchangées, 3 lignes écartées.");
});

test("a file that changes two existing fiches shows each change, before and after, and is imported only once confirmed", async ({
  page,
}) => {
  await openImportOfNewContract(page);
  await check(page, csv("fiches.csv", frenchCsv()));
  await page.getByRole("button", { name: "Importer les 37 lignes valides" }).click();
  await expect(importStatus(page)).toHaveText("Import terminé : 37 fiches créées, 0 mise à jour, 3 lignes écartées.");

  // A file that changes two fiches: each change is shown before and after, and confirmed first.
  const edited = csv(
    "fiches-modifiees.csv",
    frenchCsv({
      101: "101;2;Fiche importée n° 101, précisée;Réalisée;0;Communauté d’Agglomération de Lens-Liévin;01/01/2025;31/12/2027;santé mentale, mobilité",
      102: "102;2;Fiche importée n° 102;En cours;1;Communauté d’Agglomération de Lens-Liévin;01/01/2025;30/06/2026;santé mentale, mobilité",
    }),
  );
  await check(page, edited, "Vérifier le fichier à nouveau");
  await expect(
    page.getByText("37 lignes valides, 3 lignes en erreur (elles ne seront pas importées), dont 2 fiches existantes modifiées."),
  ).toBeVisible();
  await expect(page.getByRole("table", { name: /Chaque ligne du fichier/ }).getByText("Mise à jour de la fiche")).toHaveCount(2);
  const changes = (number: number) => page.getByRole("table", { name: new RegExp(`^Fiche n°\\s${number} `) }).getByRole("row");
  await expect(changes(101)).toHaveText([
    /^Champ\s*Avant\s*Après l’import$/,
    /^Axe\s*Axe 1 – Prévention\s*Axe 2 – Accès aux soins$/,
    /^Intitulé\s*Fiche importée n° 101\s*Fiche importée n° 101, précisée$/,
    /^Statut\s*En cours\s*Réalisée$/,
  ]);
  await expect(changes(102)).toHaveText([/^Champ/, /^Fin\s*31\sdécembre\s2027\s*30\sjuin\s2026$/]);
  await expectNoAxeViolations(page);

  // Importing without ticking the confirmation is refused at the box; nothing is written.
  await page.getByRole("button", { name: "Importer les 37 lignes valides" }).click();
  const confirmation = page.getByLabel("J’ai vérifié les modifications de 2 fiches existantes et je veux les remplacer.");
  await expect(confirmation).toBeFocused();
  await expect(confirmation).toHaveAccessibleDescription(
    "Cochez cette case après avoir vérifié les modifications, pour remplacer ces valeurs.",
  );
  await expectNoAxeViolations(page);
  await confirmation.check();
  await page.getByRole("button", { name: "Importer les 37 lignes valides" }).click();
  await expect(importStatus(page)).toHaveText("Import terminé : 0 fiche créée, 2 mises à jour, 35 inchangées, 3 lignes écartées.");
  await expect(page.getByRole("table", { name: /Chaque ligne du fichier/ }).getByText("Fiche mise à jour")).toHaveCount(2);

  // The contract page lists 24 fiches at a time: its search counts the imported ones.
  await page.getByRole("navigation", { name: "Fil d’Ariane" }).getByRole("link").nth(2).click();
  const fiches = page.getByRole("region", { name: /^Fiches actions/ });
  await fiches.getByLabel("Numéro ou mots de l’intitulé").fill("Fiche importée");
  await fiches.getByRole("button", { name: "Filtrer" }).click();
  await expect(fiches.getByRole("status")).toHaveText(/^37\sfiches retenues sur \d+\./);
});
