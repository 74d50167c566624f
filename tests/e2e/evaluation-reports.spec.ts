// A coordinator downloads a campaign's evaluation report as PDF, Word and Excel: each file comes
// with its type, a French file name and no caching; another territory's address, or a campaign
// that is not the contract's, is not found. From the campaign's page, each button shows the
// generation's progress, then saves the file under the server's name.
import { expect, test, type Page } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";
import { signInAs } from "./sign-in";
import { createContract, unique } from "./workspace";

const COORDINATOR = "coordination@creusot-montceau.test";
const SLUG = "creusot-montceau";

const FILES = {
  pdf: { type: "application/pdf", magic: "%PDF-" },
  docx: { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", magic: "PK" },
  xlsx: { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", magic: "PK" },
} as const;

/** Creates a contract of the test's own with an open mid-term campaign; answers the campaign's path. */
async function contractWithCampaign(page: Page): Promise<string> {
  await signInAs(page, COORDINATOR);
  await createContract(page, SLUG, `Contrat évalué ${unique()}`);
  const contractPath = new URL(page.url()).pathname;
  const evaluation = page.getByRole("region", { name: "Évaluation" });
  await evaluation.getByText("Ouvrir une campagne d’évaluation").click();
  await evaluation.getByLabel("Évaluation", { exact: true }).selectOption({ label: "Évaluation à mi-parcours" });
  await evaluation.getByLabel("Début de la période").fill("2025-01-01");
  await evaluation.getByLabel("Fin de la période").fill("2027-06-30");
  await evaluation.getByLabel("Ouverture").fill("2026-07-01");
  await evaluation.getByRole("button", { name: "Ouvrir la campagne" }).click();
  const midTerm = evaluation.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /Évaluation à mi-parcours/ }) });
  await expect(midTerm.getByText("Ouverte", { exact: true })).toBeVisible();
  // The campaign's id, as its form carries it.
  await midTerm.getByText("Modifier les dates, la synthèse, les recommandations").click();
  const campaignId = await midTerm.locator('input[name="campaignId"]').first().inputValue();
  return `${contractPath}/evaluations/${campaignId}`;
}

test("a coordinator downloads a campaign's report in three formats; other addresses are not found", async ({ page }) => {
  const campaignPath = await contractWithCampaign(page);
  for (const [extension, file] of Object.entries(FILES)) {
    const response = await page.request.get(`${campaignPath}/rapport.${extension}`);
    expect(response.status(), extension).toBe(200);
    const headers = response.headers();
    expect(headers["content-type"]).toBe(file.type);
    expect(headers["content-disposition"]).toMatch(
      new RegExp(`^attachment; filename="evaluation-mi-parcours-${SLUG}-\\d{4}-\\d{2}-\\d{2}\\.${extension}"$`),
    );
    expect(headers["cache-control"]).toContain("no-store");
    expect((await response.body()).subarray(0, file.magic.length).toString("latin1")).toBe(file.magic);
  }
  const [, , , contractId, , campaignId] = campaignPath.split("/").slice(1);
  const notFound = [
    `/espace/romans-sur-isere/contrats/${contractId}/evaluations/${campaignId}/rapport.pdf`,
    campaignPath.replace(campaignId, "00000000-0000-4000-8000-000000000000") + "/rapport.docx",
    campaignPath.replace(campaignId, "pas-un-identifiant") + "/rapport.xlsx",
  ];
  for (const path of notFound) expect((await page.request.get(path)).status(), path).toBe(404);
});

// TODO(lead): remove the fixme once the campaign page (evaluations/[campaignId]/page.tsx) renders <ReportDownloads>.
test.fixme("from the campaign's page, each button shows the generation, then saves the file", async ({ page }) => {
  const campaignPath = await contractWithCampaign(page);
  await page.goto(campaignPath);
  const status = page.getByRole("status").filter({ hasText: /rapport/i });
  for (const [name, extension] of [
    ["PDF", "pdf"],
    ["Word (DOCX)", "docx"],
    ["Excel (XLSX)", "xlsx"],
  ] as const) {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name, exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^evaluation-mi-parcours-${SLUG}-\\d{4}-\\d{2}-\\d{2}\\.${extension}$`));
    await expect(status).toHaveText(`Rapport téléchargé\u00a0: ${download.suggestedFilename()}`);
  }
  // The keyboard works the same: the link is focused and activated with Enter.
  await page.getByRole("link", { name: "PDF", exact: true }).focus();
  const [byKeyboard] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  expect(byKeyboard.suggestedFilename()).toMatch(/\.pdf$/);
  await expectNoAxeViolations(page);
});
