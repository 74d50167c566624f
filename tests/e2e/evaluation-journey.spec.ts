// A mid-term evaluation run end to end in the browser, as issue 13 asks: the coordinator opens
// the campaign, assesses the fiche, the partner adds its contribution from « Mes engagements »,
// the coordinator closes the campaign and downloads the three reports, which keep the figures
// frozen at closing; the assessment is read-only afterwards.
import ExcelJS from "exceljs";
import { expect, test } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";
import { createAccount, createContractWithCommitment } from "../support/e2e-accounts";
import { signInAs } from "./sign-in";
import { unique } from "./workspace";

const TERRITORY = "creusot-montceau";
const COORDINATOR = `coordination@${TERRITORY}.test`;
const CPAM = "CPAM de Saône-et-Loire";

test("a coordinator runs a mid-term evaluation end to end, with the partner's part, and downloads its reports", async ({
  page,
  browser,
}) => {
  test.slow();
  const suffix = unique();
  const title = `Contrat évalué de bout en bout ${suffix}`;
  const { contractId } = await createContractWithCommitment(TERRITORY, CPAM, title, { campaign: false });
  const partner = await createAccount("partner", TERRITORY, `Partenaire ${suffix}`, CPAM);

  // 1. The coordinator opens the mid-term campaign from the contract page.
  await signInAs(page, COORDINATOR);
  await page.goto(`/espace/${TERRITORY}/contrats/${contractId}`);
  const evaluation = page.getByRole("region", { name: "Évaluation" });
  await evaluation.getByText("Ouvrir une campagne d’évaluation").click();
  await evaluation.getByLabel("Évaluation", { exact: true }).selectOption({ label: "Évaluation à mi-parcours" });
  await evaluation.getByLabel("Début de la période").fill("2024-01-01");
  await evaluation.getByLabel("Fin de la période").fill("2026-06-30");
  await evaluation.getByLabel("Ouverture").fill("2026-07-01");
  await evaluation.getByRole("button", { name: "Ouvrir la campagne" }).click();
  const midTerm = evaluation.getByRole("listitem").filter({ has: page.getByRole("heading", { name: /Évaluation à mi-parcours/ }) });
  await expect(midTerm.getByText("Ouverte")).toBeVisible();

  // 2. It assesses the fiche from the campaign's page.
  await midTerm.getByRole("link", { name: "Ouvrir l’évaluation" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Évaluation à mi-parcours");
  await expect(page.getByText(/^0\sfiche évaluée sur 1$/)).toBeVisible();
  await page.getByRole("link", { name: `Fiche n°\u00a01\u00a0: Permanences ${title}` }).click();
  await page.getByLabel("État de réalisation").selectOption({ label: "Partiellement réalisée" });
  await page.getByLabel("Taux d’atteinte des objectifs (%)").fill("65");
  await page.getByLabel("Dépensé (€)\u00a0: ARS (FIR) 2025").fill("18 250,40");
  await page.getByRole("group", { name: "Pertinence" }).getByRole("radio", { name: "Très satisfaisant" }).check();
  await page.getByRole("group", { name: "Efficacité" }).getByRole("radio", { name: "Satisfaisant", exact: true }).check();
  await page.getByLabel("Difficultés rencontrées").fill(`Recrutement des agents d’accueil ${suffix}`);
  await page.getByRole("button", { name: "Enregistrer le bilan" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Le bilan de la fiche est enregistré." })).toBeVisible();
  await expectNoAxeViolations(page);

  // 3. The partner adds its contribution, in a session of its own.
  const partnerContext = await browser.newContext();
  const partnerPage = await partnerContext.newPage();
  await signInAs(partnerPage, partner.email);
  await partnerPage.goto("/engagements");
  const commitment = partnerPage.getByRole("listitem").filter({ hasText: `Tenir une permanence ${title}` });
  await expect(commitment.getByText("Contribution attendue")).toBeVisible();
  await commitment.getByRole("link", { name: /contribuer/ }).click();
  const contribution = partnerPage.getByRole("region", { name: "Contribution à l’évaluation à mi-parcours" });
  await contribution.getByLabel("Engagement tenu\u00a0?").selectOption({ label: "Tenu" });
  await contribution.getByLabel("Ce que votre organisation a apporté sur la période").fill(`Quarante permanences tenues ${suffix}`);
  await contribution.getByLabel("Montant dépensé (€)").fill("4 000");
  await contribution.getByRole("button", { name: "Enregistrer la contribution" }).click();
  await expect(partnerPage.getByRole("status").filter({ hasText: "Votre contribution à l’évaluation est enregistrée." })).toBeVisible();
  await partnerContext.close();

  // 4. The coordinator closes the campaign: the contract is frozen in snapshot n° 1.
  await page.goto(`/espace/${TERRITORY}/contrats/${contractId}`);
  await midTerm.getByRole("button", { name: "Clôturer la campagne d’évaluation à mi-parcours" }).click();
  await midTerm.getByRole("button", { name: "Clôturer", exact: true }).click();
  await expect(midTerm.getByText("Instantané n°\u00a01")).toBeVisible();

  // 5. The campaign page offers the reports; each downloads under a French name.
  await midTerm.getByRole("link", { name: "Voir l’évaluation" }).click();
  await expect(page.getByText(/^1\sfiche évaluée sur 1$/)).toBeVisible();
  await expectNoAxeViolations(page);
  const downloads: Record<string, Buffer> = {};
  for (const [name, extension] of [
    ["PDF", "pdf"],
    ["Word (DOCX)", "docx"],
    ["Excel (XLSX)", "xlsx"],
  ] as const) {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name, exact: true }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^evaluation-mi-parcours-${TERRITORY}-\\d{4}-\\d{2}-\\d{2}\\.${extension}$`));
    const chunks: Buffer[] = [];
    for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
    downloads[extension] = Buffer.concat(chunks);
  }
  expect(downloads.pdf.subarray(0, 5).toString()).toBe("%PDF-");
  // Word and Excel files are zip archives.
  expect(downloads.docx.subarray(0, 2).toString()).toBe("PK");
  expect(downloads.xlsx.subarray(0, 2).toString()).toBe("PK");
  // The workbook holds what each party gave: the fiche's spending and the partner's contribution.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(downloads.xlsx as unknown as ArrayBuffer);
  const cells = workbook.worksheets.flatMap((sheet) =>
    sheet.getSheetValues().flatMap((row) => (Array.isArray(row) ? row.map((value) => String(value ?? "")) : [])),
  );
  expect(cells).toContain(`Quarante permanences tenues ${suffix}`);
  expect(cells).toContain(`Recrutement des agents d’accueil ${suffix}`);
  expect(cells).toContain("18250.4");

  // 6. The closed campaign's assessment is read-only, with what was given.
  await page.getByRole("link", { name: `Fiche n°\u00a01\u00a0: Permanences ${title}` }).click();
  await expect(page.getByRole("button", { name: "Enregistrer le bilan" })).toHaveCount(0);
  await expect(page.getByText(`Recrutement des agents d’accueil ${suffix}`).first()).toBeVisible();
  await expect(page.getByText("18\u202f250,40\u00a0€").first()).toBeVisible();
  await expectNoAxeViolations(page);
});
