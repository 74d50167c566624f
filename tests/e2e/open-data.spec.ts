// Issue 15: a citizen finds the open data from any page, reads how it is published, and downloads
// a region's fiches as one CSV file from /donnees, without an account.
import { readFile } from "node:fs/promises";
import { expectNoAxeViolations } from "./accessibility";
import { expect, test } from "./fixtures";

for (const width of [375, 1440]) {
  test(`the open data page has no axe-core violation and fits the screen at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/");
    await page.getByRole("contentinfo").getByRole("link", { name: "Données ouvertes" }).click();
    await expect(page).toHaveURL(/\/donnees$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Données ouvertes");
    await expect(page.getByRole("link", { name: "/api/v1/openapi.json" })).toBeVisible();
    await expect(page.getByRole("link", { name: /^CSV\s+:\s+Fiches actions$/ })).toHaveAttribute("href", "/api/v1/fiches.csv");
    await expectNoAxeViolations(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

test("a citizen downloads a region's published fiches as a CSV file", async ({ page }) => {
  await page.goto("/donnees");
  const form = page.getByRole("region", { name: "Télécharger les fiches actions d’une région" });
  await form.getByLabel("Région").selectOption({ label: "Auvergne-Rhône-Alpes" });
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    form.getByRole("button", { name: "Télécharger le fichier CSV" }).click(),
  ]);
  expect(download.suggestedFilename()).toBe("opencls-fiches.csv");
  const text = await readFile((await download.path())!, "utf8");
  const [header, ...lines] = text.trimEnd().split("\r\n");
  expect(header.split(",").slice(0, 5)).toEqual(["id", "contract_id", "territory", "region_code", "title"]);
  // Romans-sur-Isère's published fiches are in the file, and only the region's.
  const column = header.split(",").indexOf("region_code");
  const rows = lines.filter((line) => /^[0-9a-f]{8}-/.test(line));
  expect(rows.length).toBeGreaterThan(0);
  expect(rows.every((line) => line.split(",")[column] === "84")).toBe(true);
  expect(text).toContain(",romans-sur-isere,84,");
});
