// Temporary (not committed): screenshots of the documents pages at 375 and 1440 px.
import { test } from "./fixtures";
import { createAccount, createDocumentWithFile } from "../support/e2e-accounts";
import { signInAs } from "./sign-in";
import { openContract } from "./workspace";

test("screenshots", async ({ page, browser }) => {
  test.setTimeout(120_000);
  const coordinator = await createAccount("coordinator", "rosny-sous-bois", "Coordination captures");
  await signInAs(page, coordinator.email);
  await openContract(page, "rosny-sous-bois");
  const contractId = page.url().split("/").at(-1)!;
  await createDocumentWithFile(contractId, { isPublic: true, title: "Contrat local de santé signé (capture)" });
  await createDocumentWithFile(contractId, { isPublic: false, title: "Diagnostic de travail (capture)" });
  for (const width of [375, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`/espace/rosny-sous-bois/contrats/${contractId}/documents`);
    await page.screenshot({ path: `/tmp/shots-docs/documents-${width}.png`, fullPage: true });
    await page.getByText(/^Modifier le document/).first().click();
    await page.screenshot({ path: `/tmp/shots-docs/documents-edit-${width}.png`, fullPage: true });
    const visitor = await browser.newContext({ viewport: { width, height: 900 } });
    const publicPage = await visitor.newPage();
    await publicPage.goto("/territoires/rosny-sous-bois#documents");
    await publicPage.getByRole("region", { name: "Étapes et documents" }).screenshot({ path: `/tmp/shots-docs/public-${width}.png` });
    await visitor.close();
  }
});
