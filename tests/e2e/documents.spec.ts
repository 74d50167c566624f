// Documents with files. A coordinator uploads a PDF for a document of the contract (a file that
// is not what its name says is refused at the field, in French, nothing typed lost); the public
// downloads it from the territory page while the document is public, and no longer once it is
// not; a file over the limit is refused before it leaves the browser; a file is replaced, removed,
// and goes with its document.
// Rosny-sous-Bois: no other spec counts the documents of its public page.
import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";
import { createDocumentWithFile, findDemoContract } from "../support/e2e-accounts";
import { pdfBytes, htmlBytes, odtBytes } from "../support/document-files";
import { embeddedUrl } from "@/lib/db/embedded";
import { E2E_DATABASE_PORT } from "../support/e2e-server";
import { dropKeptPublicPages } from "../support/public-pages";
import { signInAs } from "./sign-in";
import { openContract, unique } from "./workspace";

const TERRITORY = "rosny-sous-bois";

const COORDINATOR = `coordination@${TERRITORY}.test`;

/** The documents page of the territory's demo contract, for its coordinator: straight to it, or (`fromContract`) by its link on the contract's page. */
async function openDocuments(page: Page, { fromContract = false } = {}) {
  await signInAs(page, COORDINATOR);
  if (fromContract) {
    await openContract(page, TERRITORY);
    await page.getByRole("link", { name: "Documents", exact: true }).click();
  } else {
    await page.goto(`/espace/${TERRITORY}/contrats/${await findDemoContract(TERRITORY)}/documents`);
  }
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Documents");
  return page.getByRole("region", { name: "Ajouter un document" });
}

const documentItem = (page: Page, title: string) =>
  page
    .getByRole("list", { name: /^Documents du contrat/ })
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: title }) });

test("a coordinator uploads a PDF for a public document; a file that is not what its name says is refused at the field", async ({
  page,
}) => {
  const title = `Contrat local de santé signé ${unique()}`;
  const form = await openDocuments(page, { fromContract: true });
  await form.getByLabel("Type de document").selectOption({ label: "Contrat" });
  await form.getByLabel("Intitulé").fill(title);
  await form.getByLabel("Date du document").fill("2019-09-26");
  await form.getByLabel("Visible sur la page publique").check();
  // A page of HTML named .pdf: refused by its content, at the field; what was typed stays.
  await form.getByLabel("Fichier").setInputFiles({ name: "contrat.pdf", mimeType: "application/pdf", buffer: htmlBytes() });
  await form.getByRole("button", { name: "Ajouter le document" }).click();
  await expect(form.getByLabel("Fichier")).toHaveAccessibleDescription(
    /Ce type de fichier n’est pas accepté\s: PDF, ODT, DOCX, ODS, XLSX, PNG ou JPEG seulement\./,
  );
  await expect(form.getByLabel("Intitulé")).toHaveValue(title);
  await expect(form.getByLabel("Visible sur la page publique")).toBeChecked();
  await expectNoAxeViolations(page);

  await form.getByLabel("Fichier").setInputFiles({ name: "Contrat signé.pdf", mimeType: "application/pdf", buffer: pdfBytes(title) });
  await form.getByRole("button", { name: "Ajouter le document" }).click();
  const item = documentItem(page, title);
  await expect(item.getByText(/^Contrat · 26\sseptembre\s2019$/)).toBeVisible();
  await expect(item.getByText("Public", { exact: true })).toBeVisible();
  await expect(item.getByRole("link", { name: "Télécharger Contrat signé.pdf" })).toBeVisible();
  // The form is blank again for the next document.
  await expect(form.getByLabel("Intitulé")).toHaveValue("");
  await expectNoAxeViolations(page);
});

test("the public downloads a coordinator's PDF from the territory page while the document is public", async ({ page, browser }) => {
  const title = `Délibération publique ${unique()}`;
  const form = await openDocuments(page);
  await form.getByLabel("Type de document").selectOption({ label: "Délibération" });
  await form.getByLabel("Intitulé").fill(title);
  await form.getByLabel("Visible sur la page publique").check();
  const bytes = pdfBytes(title);
  await form.getByLabel("Fichier").setInputFiles({ name: "Délibération.pdf", mimeType: "application/pdf", buffer: bytes });
  await form.getByRole("button", { name: "Ajouter le document" }).click();
  const item = documentItem(page, title);
  await expect(item.getByText("Public", { exact: true })).toBeVisible();

  // The public, signed out, downloads it from the territory page.
  const visitor = await browser.newContext();
  const publicPage = await visitor.newPage();
  await publicPage.goto(`/territoires/${TERRITORY}`);
  const documents = publicPage.getByRole("region", { name: "Étapes et documents" });
  const link = documents.getByRole("link", { name: title });
  await expect(documents.getByRole("listitem").filter({ hasText: title })).toContainText(`(PDF, ${bytes.length}\u00a0octets)`);
  await expectNoAxeViolations(publicPage);
  const [download] = await Promise.all([publicPage.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe("Délibération.pdf");
  expect((await readFile((await download.path())!)).equals(bytes)).toBe(true);
  const href = (await link.getAttribute("href"))!;
  const response = await publicPage.request.get(href);
  expect(response.headers()).toMatchObject({
    "content-type": "application/pdf",
    "x-content-type-options": "nosniff",
    "cache-control": "public, no-cache",
  });
  expect(response.headers()["content-disposition"]).toBe(
    `attachment; filename="Deliberation.pdf"; filename*=UTF-8''D%C3%A9lib%C3%A9ration.pdf`,
  );

  await visitor.close();
});

test("a document the coordinator keeps to the workspace leaves the public page, and its file is no longer served there", async ({
  page,
  browser,
}) => {
  const title = `Charte du comité de pilotage ${unique()}`;
  const documentId = await createDocumentWithFile(await findDemoContract(TERRITORY), { isPublic: true, title });
  const href = `/territoires/${TERRITORY}/documents/${documentId}`;
  const visitor = await browser.newContext();
  const publicPage = await visitor.newPage();
  // Written behind the app's back: the pages it keeps for the public are dropped as a save would.
  await dropKeptPublicPages(embeddedUrl(E2E_DATABASE_PORT));
  const link = publicPage.getByRole("region", { name: "Étapes et documents" }).getByRole("link", { name: title });
  await expect(async () => {
    await publicPage.goto(`/territoires/${TERRITORY}`);
    await expect(link).toHaveAttribute("href", href, { timeout: 1_000 });
  }).toPass({ timeout: 10_000 });

  await openDocuments(page);
  const item = documentItem(page, title);
  await item.getByText(`Modifier le document «\u00a0${title}\u00a0»`).click();
  await item.getByLabel("Visible sur la page publique").uncheck();
  await item.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(item.getByText("Espace de travail seulement")).toBeVisible();

  await publicPage.goto(`/territoires/${TERRITORY}`);
  await expect(publicPage.getByRole("heading", { level: 1 })).toHaveText("Rosny-sous-Bois");
  await expect(publicPage.getByRole("link", { name: title })).toHaveCount(0);
  expect((await publicPage.request.get(href)).status()).toBe(404);
  await visitor.close();
});

test("a file over 20 Mo is refused at the field before it is sent, and what was typed stays", async ({ page }) => {
  const title = `Délibération trop lourde ${unique()}`;
  const form = await openDocuments(page);
  await form.getByLabel("Intitulé").fill(title);
  const large = Buffer.concat([pdfBytes(), Buffer.alloc(20 * 1024 * 1024, 0x20)]);
  await form.getByLabel("Fichier").setInputFiles({ name: "deliberation.pdf", mimeType: "application/pdf", buffer: large });
  await form.getByRole("button", { name: "Ajouter le document" }).click();
  await expect(form.getByLabel("Fichier")).toHaveAccessibleDescription(/Ce fichier dépasse 20\sMo\s: réduisez-le/);
  await expect(form.getByLabel("Intitulé")).toHaveValue(title);
  await expectNoAxeViolations(page);
});

test("a coordinator replaces a document's file by another", async ({ page }) => {
  const title = `Délibération du conseil municipal ${unique()}`;
  const form = await openDocuments(page);
  await form.getByLabel("Type de document").selectOption({ label: "Délibération" });
  await form.getByLabel("Intitulé").fill(title);
  await form.getByLabel("Fichier").setInputFiles({ name: "deliberation.pdf", mimeType: "application/pdf", buffer: pdfBytes() });
  await form.getByRole("button", { name: "Ajouter le document" }).click();
  const item = documentItem(page, title);
  await expect(item.getByRole("link", { name: "Télécharger deliberation.pdf" })).toBeVisible();
  await expect(item.getByText("Espace de travail seulement")).toBeVisible();

  // Replaced by an OpenDocument file.
  await item.getByText(`Modifier le document «\u00a0${title}\u00a0»`).click();
  const replace = item.getByLabel("Remplacer le fichier");
  await expect(replace).toHaveAccessibleDescription(/Fichier actuel\s: deliberation\.pdf \(PDF, /);
  await replace.setInputFiles({ name: "deliberation.odt", mimeType: "application/vnd.oasis.opendocument.text", buffer: odtBytes() });
  await item.getByRole("button", { name: "Enregistrer les modifications" }).click();
  await expect(item.getByRole("link", { name: "Télécharger deliberation.odt" })).toBeVisible();
  await expect(item.getByRole("listitem").first()).toContainText("(OpenDocument texte (ODT), ");
  await expectNoAxeViolations(page);
});

test("a file is removed while the web address stays, and goes with its document", async ({ page }) => {
  const title = `Diagnostic local de santé ${unique()}`;
  const form = await openDocuments(page);
  await form.getByLabel("Type de document").selectOption({ label: "Diagnostic local de santé" });
  await form.getByLabel("Intitulé").fill(title);
  await form.getByLabel("Adresse web").fill("https://www.rosny-sous-bois.fr/diagnostic.pdf");
  await form.getByLabel("Fichier").setInputFiles({ name: "diagnostic.pdf", mimeType: "application/pdf", buffer: pdfBytes() });
  await form.getByRole("button", { name: "Ajouter le document" }).click();
  const item = documentItem(page, title);
  // The coordinator downloads it in the workspace.
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    item.getByRole("link", { name: "Télécharger diagnostic.pdf" }).click(),
  ]);
  expect((await readFile((await download.path())!)).equals(pdfBytes())).toBe(true);

  await item.getByRole("button", { name: `Retirer le fichier du document «\u00a0${title}\u00a0»` }).click();
  await item.getByRole("button", { name: "Retirer le fichier", exact: true }).click();
  await expect(item.getByRole("link", { name: /^Télécharger/ })).toHaveCount(0);
  await expect(item.getByRole("link", { name: "https://www.rosny-sous-bois.fr/diagnostic.pdf" })).toBeVisible();

  await item.getByRole("button", { name: `Supprimer le document «\u00a0${title}\u00a0»` }).click();
  await item.getByRole("button", { name: "Supprimer", exact: true }).click();
  await expect(page.getByRole("heading", { name: title })).toHaveCount(0);
});
