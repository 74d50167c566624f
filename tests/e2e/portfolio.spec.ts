// The regional portfolio, as an ARS officer uses it: from « Mon espace », keep the contracts that
// expire within 12 months, sort them, page through them, download them as .xlsx (read back
// here), and read the map's and the chart's tables in their views. Axe-clean at each step.
import ExcelJS from "exceljs";
import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";
import { createPortfolioRegion, PORTFOLIO_OFFICER, PORTFOLIO_SIZES } from "../support/e2e-portfolio";
import { signInAs } from "./sign-in";

// One region for the file's tests: one worker, one after the other.
test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  await createPortfolioRegion();
});

const LAST = `Territoire occitan ${String(PORTFOLIO_SIZES.expiring).padStart(2, "0")}`;

test("an officer lists the contracts of their region that expire within a year, sorts and pages them", async ({ page }) => {
  await signInAs(page, PORTFOLIO_OFFICER);
  await page.goto("/espace");
  await page.getByRole("main").getByRole("link", { name: "Portefeuille régional" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Portefeuille régional");
  const total = PORTFOLIO_SIZES.expiring + PORTFOLIO_SIZES.later;
  await expect(page.getByRole("status").filter({ hasText: "contrats retenus" })).toContainText(`${total}\u00a0contrats retenus`);

  await page.getByLabel("Fin du contrat").selectOption({ label: "Expire d’ici 12\u00a0mois" });
  await page.getByRole("button", { name: "Filtrer" }).click();
  await expect(page).toHaveURL(/expire=12/);
  await expect(page.getByRole("status").filter({ hasText: "contrats retenus" })).toContainText(
    `${PORTFOLIO_SIZES.expiring}\u00a0contrats retenus`,
  );
  const table = page.getByRole("table", { name: "Contrats de la région Occitanie" });
  await expect(table.locator("tbody tr")).toHaveCount(24);

  // Sorted by territory, last first: the names are numbered.
  await table.getByRole("link", { name: "Territoire", exact: true }).click();
  await expect(page).toHaveURL(/tri=territoire/);
  await table
    .getByRole("link", { name: /^Territoire/ })
    .first()
    .click();
  await expect(page).toHaveURL(/ordre=desc/);
  await expect(table.locator("tbody tr").first().getByRole("rowheader")).toContainText(LAST);
  await expect(table.getByRole("columnheader", { name: /Territoire \(tri décroissant\)/ })).toBeVisible();

  await page.getByRole("link", { name: "Page suivante" }).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(table.locator("tbody tr")).toHaveCount(PORTFOLIO_SIZES.expiring - 24);
  await expect(table.locator("tbody tr").last().getByRole("rowheader")).toContainText("Territoire occitan 01");
  await expectNoAxeViolations(page);
});

test("the officer downloads the list as .xlsx, reads each flag's reason and the map's and chart's tables", async ({ page }) => {
  await signInAs(page, PORTFOLIO_OFFICER);
  await page.goto("/portefeuille?expire=12&tri=territoire&ordre=desc&page=2");
  const table = page.getByRole("table", { name: "Contrats de la région Occitanie" });

  // Every flag reads with its reason: these contracts end within a year, none has a mental-health part.
  await table.getByText("Sans volet santé mentale").first().click();
  await expect(table.getByText(/loi 3DS/).first()).toBeVisible();

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Exporter la liste en Excel (.xlsx)" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("portefeuille-occitanie.xlsx");
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await readFile((await download.path())!)) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet("Portefeuille")!;
  expect(sheet.rowCount).toBe(PORTFOLIO_SIZES.expiring + 1);
  expect(sheet.getRow(2).getCell(1).value).toBe(LAST);

  // The map's and the chart's data, as tables: each a view of the same selection.
  const views = page.getByRole("navigation", { name: "Vues du portefeuille" });
  await expect(views.getByRole("link", { name: "Liste des contrats" })).toHaveAttribute("aria-current", "page");
  await views.getByRole("link", { name: "Carte" }).click();
  await expect(page).toHaveURL(/vue=carte/);
  await expect(page).toHaveURL(/expire=12/);
  await expect(views.getByRole("link", { name: "Carte" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("table", { name: "Contrats de la région Occitanie" })).toHaveCount(0);
  const map = page.getByRole("region", { name: "Contrats par département", exact: true });
  await map.getByText("Voir les données").click();
  const counts = map.getByRole("table", { name: "Contrats par département" });
  await expect(counts.getByRole("row", { name: /Haute-Garonne \(31\)/ })).toContainText("9");
  await expect(counts.getByRole("row", { name: /Aude \(11\)/ })).toContainText("0");
  await expectNoAxeViolations(page);
  await views.getByRole("link", { name: "Graphique" }).click();
  await expect(page).toHaveURL(/vue=graphique/);
  await expect(views.getByRole("link", { name: "Graphique" })).toHaveAttribute("aria-current", "page");
  const chart = page.getByRole("region", { name: "Points d’attention", exact: true });
  await chart.getByText("Voir les données").click();
  await expect(chart.getByRole("row", { name: /Sans volet santé mentale/ })).toContainText(String(PORTFOLIO_SIZES.expiring));
  await expectNoAxeViolations(page);
});

test("the officer narrows the map to a département and a flag through the URL", async ({ page }) => {
  await signInAs(page, PORTFOLIO_OFFICER);
  await page.goto("/portefeuille?departement=34&signal=renewal_not_prepared&tri=__proto__&page=abc");
  await expect(page.getByLabel("Département", { exact: true })).toHaveValue("34");
  await expect(page.getByLabel("Point d’attention")).toHaveValue("renewal_not_prepared");
  const table = page.getByRole("table", { name: "Contrats de la région Occitanie" });
  const rows = await table.locator("tbody tr").count();
  expect(rows).toBeGreaterThan(0);
  for (const row of await table.locator("tbody tr").all()) await expect(row).toContainText("Hérault (34)");
  await expectNoAxeViolations(page);
  // On a phone: the wide table scrolls within its own keyboard-reachable frame.
  await page.setViewportSize({ width: 375, height: 900 });
  await expectNoAxeViolations(page);

  // The contract's own page says why it is flagged.
  await table.locator("tbody tr").first().getByRole("rowheader").getByRole("link").click();
  const flags = page.getByRole("region", { name: /^Points d’attention/ });
  await expect(flags).toContainText("Renouvellement à préparer");
  await expect(flags).toContainText("aucun contrat suivant n’est en préparation");
  await expectNoAxeViolations(page);
});
