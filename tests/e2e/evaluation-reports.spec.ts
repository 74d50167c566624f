// A coordinator downloads a campaign's evaluation report as PDF, Word and Excel: each file comes
// with its type, a French file name and no caching; another territory's address, or a campaign
// that is not the contract's, is not found. From the campaign's page, each button shows the
// generation's progress, then saves the file under the server's name.
import { expect, test, type Page } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";
import { signInAs } from "./sign-in";
import { closedCampaignOf, findPublishedFiche } from "../support/e2e-accounts";

const COORDINATOR = "coordination@romans-sur-isere.test";
const SLUG = "romans-sur-isere";

const FILES = {
  pdf: { type: "application/pdf", magic: "%PDF-" },
  docx: { type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", magic: "PK" },
  xlsx: { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", magic: "PK" },
} as const;

/** The path of a campaign of the territory's demo contract (its final one, opened for the test when missing), signed in as its coordinator. */
async function demoCampaign(page: Page): Promise<string> {
  await signInAs(page, COORDINATOR);
  const { contractId } = await findPublishedFiche(SLUG);
  return `/espace/${SLUG}/contrats/${contractId}/evaluations/${await closedCampaignOf(contractId)}`;
}

test("a coordinator downloads a campaign's report in three formats; other addresses are not found", async ({ page }) => {
  const campaignPath = await demoCampaign(page);
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
    `/espace/pays-ruffecois/contrats/${contractId}/evaluations/${campaignId}/rapport.pdf`,
    campaignPath.replace(campaignId, "00000000-0000-4000-8000-000000000000") + "/rapport.docx",
    campaignPath.replace(campaignId, "pas-un-identifiant") + "/rapport.xlsx",
  ];
  for (const path of notFound) expect((await page.request.get(path)).status(), path).toBe(404);
});

test("from the campaign's page, each button shows the generation, then saves the file", async ({ page }) => {
  const campaignPath = await demoCampaign(page);
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
