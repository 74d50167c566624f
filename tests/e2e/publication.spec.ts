// A coordinator publishes, in one go, every fiche the public does not read as it stands (one
// edited since its publication, one never published), from the contract page; a visitor then
// reads both, and reads that the contract has reached its end. On an app instance and a database
// of the spec's own: publishing every pending fiche of a seeded contract would publish other
// tests' fiches in the middle of their own checks, and a territory of its own on the suite's
// database would change the counts the home page's test reads.
import { hashPassword } from "../../lib/auth/password";
import { createContractWithStructure, createUser } from "../fixtures/factories";
import { ownWorld } from "../support/own-world";
import { expectNoAxeViolations } from "./accessibility";
import { expect, test, type Page } from "./fixtures";
import { DEMO_PASSWORD } from "./sign-in";

test.describe.configure({ mode: "serial" });

const own = ownWorld(test, "publication", async (db) => {
  const { territory, contract } = await createContractWithStructure(db, { axes: 1, fichesPerAxis: 2, publishFiches: true });
  // Signed, started in 2020, ended on 31 December 2024.
  await db.contract.update({
    where: { id: contract.id },
    data: { status: "in_progress", signedOn: new Date("2020-01-06"), startsOn: new Date("2020-01-06"), endsOn: new Date("2024-12-31") },
  });
  const coordinator = await createUser(db, { passwordHash: await hashPassword(DEMO_PASSWORD) });
  await db.membership.create({ data: { userId: coordinator.id, role: "coordinator", territoryId: territory.id } });
  return { slug: territory.slug, contractId: contract.id, coordinator: coordinator.email };
});

async function signIn(page: Page, email: string) {
  await page.goto(`${own.app.base}/connexion`);
  const form = page.locator("form", { has: page.getByLabel("Mot de passe") });
  await form.getByLabel("Adresse e-mail").fill(email);
  await form.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await form.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("button", { name: "Se déconnecter" })).toBeVisible();
}

test("a visitor reads that a contract past its end day has reached its term", async ({ page }) => {
  await page.goto(`${own.app.base}/territoires/${own.world.slug}`);
  const contract = page.getByRole("region", { name: "Contrat local de santé", exact: true });
  await expect(contract.getByText("Arrivé à échéance", { exact: true })).toBeVisible();
  await expect(contract.getByText("Échu le 31 décembre 2024")).toBeVisible();
  await expect(contract.getByText("En cours", { exact: true })).toHaveCount(0);
});

test("a coordinator publishes the fiche edited since its publication and the new one in one go, and the public reads both", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const contractPage = `${own.app.base}/espace/${own.world.slug}/contrats/${own.world.contractId}`;
  await signIn(page, own.world.coordinator);
  await page.goto(contractPage);
  const publication = page.getByRole("region", { name: "Publication des fiches" });
  await expect(publication).toContainText("Le public lit toutes les fiches non confidentielles telles qu’elles sont enregistrées.");

  // An edit of a published fiche, and a new fiche.
  await page.getByRole("link", { name: "Fiche 1", exact: true }).click();
  await page.getByLabel("Intitulé", { exact: true }).fill("Fiche 1 relue");
  await page.getByRole("button", { name: "Enregistrer la fiche" }).click();
  await expect(page.getByRole("main").getByRole("status").first()).toHaveText("Fiche enregistrée.");
  await page.goto(contractPage);
  await page.getByRole("link", { name: "Nouvelle fiche action" }).click();
  await page.getByLabel("Intitulé", { exact: true }).fill("Fiche nouvelle");
  await page.getByRole("button", { name: "Créer la fiche" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Fiche n°\s3 – Fiche nouvelle$/);

  // The public still reads the published version, without the new fiche.
  await page.goto(`${own.app.base}/territoires/${own.world.slug}`);
  const listed = page.getByRole("list", { name: "Fiches actions de l’axe 1" }).getByRole("listitem");
  await expect(listed).toHaveText([/Fiche n°\s1Fiche 1/, /Fiche n°\s2Fiche 2/]);

  await page.goto(contractPage);
  await expect(publication).toContainText("2 fiches à publier : 1 jamais publiée, 1 modifiée depuis sa publication.");
  await publication.getByText("Voir les 2 fiches concernées").click();
  await expect(publication.getByRole("list", { name: "Fiches à publier" }).getByRole("listitem")).toHaveText([
    /Fiche n°\s1 Fiche 1 relue \(modifiée depuis sa publication\)/,
    /Fiche n°\s3 Fiche nouvelle \(jamais publiée\)/,
  ]);
  await expectNoAxeViolations(page);
  // Asked first; the question's button takes the focus, and the outcome takes it once done.
  await publication.getByRole("button", { name: "Publier les fiches modifiées (2 fiches)" }).click();
  const confirm = publication.getByRole("group", { name: "Publier ces 2 fiches ? Le public lira aussitôt la version enregistrée." });
  await expect(confirm.getByRole("button", { name: "Publier les fiches modifiées" })).toBeFocused();
  await expectNoAxeViolations(page);
  await confirm.getByRole("button", { name: "Publier les fiches modifiées" }).click();
  await expect(page.getByText("2 fiches publiées.")).toBeVisible();
  // The outcome holds the focus.
  expect(await page.evaluate(() => document.activeElement?.textContent?.replace(/\s/g, " "))).toContain("2 fiches publiées.");
  await expect(publication).toContainText("Le public lit toutes les fiches non confidentielles telles qu’elles sont enregistrées.");

  await page.goto(`${own.app.base}/territoires/${own.world.slug}`);
  await expect(listed).toHaveText([/Fiche n°\s1Fiche 1 relue/, /Fiche n°\s2Fiche 2/, /Fiche n°\s3Fiche nouvelle/]);
  await listed.getByRole("link", { name: "Fiche nouvelle" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Fiche nouvelle");
});

test("a coordinator's bulk publication refuses a fiche edited after the page was shown, and publishes nothing", async ({ browser }) => {
  const contractPage = `${own.app.base}/espace/${own.world.slug}/contrats/${own.world.contractId}`;
  const [first, second] = await Promise.all([browser.newPage(), browser.newPage()]);
  await signIn(first, own.world.coordinator);
  await signIn(second, own.world.coordinator);
  const save = async (title: string) => {
    await second.getByLabel("Intitulé", { exact: true }).fill(title);
    await second.getByRole("button", { name: "Enregistrer la fiche" }).click();
    await expect(second.getByRole("main").getByRole("status").first()).toHaveText("Fiche enregistrée.");
  };
  await second.goto(contractPage);
  await second.getByRole("link", { name: "Fiche 2", exact: true }).click();
  await save("Fiche 2 relue");
  // The first tab shows fiche 2 to publish at that version; the second tab edits it again meanwhile.
  await first.goto(contractPage);
  const publication = first.getByRole("region", { name: "Publication des fiches" });
  await expect(publication).toContainText("1 fiche à publier : 1 modifiée depuis sa publication.");
  // From a fresh page: the status the first save left would otherwise satisfy the wait before
  // the second save has reached the server.
  await second.reload();
  await expect(second.getByRole("main").getByText("Fiche enregistrée.")).toHaveCount(0);
  await save("Fiche 2 relue deux fois");

  await publication.getByRole("button", { name: "Publier les fiches modifiées (1 fiche)" }).click();
  await publication.getByRole("button", { name: "Publier les fiches modifiées", exact: true }).click();
  await expect(publication.getByRole("alert")).toContainText("La fiche n° 2 a été modifiée depuis l’affichage de la page");
  await first.goto(`${own.app.base}/territoires/${own.world.slug}`);
  await expect(first.getByRole("list", { name: "Fiches actions de l’axe 1" })).toContainText("Fiche 2");
  await expect(first.getByRole("list", { name: "Fiches actions de l’axe 1" })).not.toContainText("relue deux fois");
  await Promise.all([first.close(), second.close()]);
});
