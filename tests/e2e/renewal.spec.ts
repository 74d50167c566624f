// Renewal and needs and actions (issue 16, parts 2 and 3): a coordinator prepares the next
// contract from an ending one, carrying three fiches over; the new fiche shows the fiche it
// continues; the contract's needs and actions show the finding no fiche answers, in the workspace
// and on the public page; and the public territory page links the contract's generations. On an
// app instance and a database of the spec's own: a territory with two generations would change
// what other specs read of the demo territories and the home page's counts.
import { hashPassword } from "../../lib/auth/password";
import { publishAllFiches } from "../../lib/publication/publish";
import { createContractWithStructure, createUser } from "../fixtures/factories";
import { ownWorld } from "../support/own-world";
import { expectNoAxeViolations } from "./accessibility";
import { expect, test } from "./fixtures";
import { DEMO_PASSWORD, signIn } from "./sign-in";

test.describe.configure({ mode: "serial" });

const own = ownWorld(test, "renewal", async (db) => {
  // Two axes of two fiches (« Fiche 1 » to « Fiche 4 »), findings « Constat 1 » to « Constat 3 », all published.
  const { territory, contract } = await createContractWithStructure(db, { axes: 2, fichesPerAxis: 2, publishFiches: true });
  await db.contract.update({
    where: { id: contract.id },
    data: { status: "final_evaluation", startsOn: new Date("2021-01-01"), endsOn: new Date("2025-12-31") },
  });
  const fiches = await db.ficheAction.findMany({ where: { contractId: contract.id }, orderBy: { number: "asc" } });
  const findings = await db.diagnosisFinding.findMany({ where: { contractId: contract.id }, orderBy: { position: "asc" } });
  // Fiche 1 answers Constat 1, fiche 3 Constat 2; nothing answers Constat 3.
  await db.ficheFinding.createMany({
    data: [
      { ficheId: fiches[0].id, findingId: findings[0].id },
      { ficheId: fiches[2].id, findingId: findings[1].id },
    ],
  });
  const coordinator = await createUser(db, { passwordHash: await hashPassword(DEMO_PASSWORD) });
  await db.membership.create({ data: { userId: coordinator.id, role: "coordinator", territoryId: territory.id } });
  return { slug: territory.slug, contractId: contract.id, coordinator: coordinator.email, ficheIds: fiches.map((fiche) => fiche.id) };
});

test("a coordinator prepares the next contract with three fiches carried over, and the new fiche shows the one it continues", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signIn(page, own.world.coordinator, DEMO_PASSWORD, own.app.base);
  await page.goto(`${own.app.base}/espace/${own.world.slug}/contrats/${own.world.contractId}`);
  // Offered beside the contract's other pages, and by the ARS check of a contract ending without a next one.
  const prepare = page.getByRole("link", { name: "Préparer le contrat suivant" });
  await expect(
    page.getByRole("region", { name: /^Points d’attention/ }).getByRole("link", { name: "Préparer le contrat suivant" }),
  ).toHaveAttribute("href", `/espace/${own.world.slug}/contrats/${own.world.contractId}/renouveler`);
  await prepare.first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Préparer le contrat suivant");
  await expect(page.getByLabel("Intitulé du contrat suivant")).toHaveValue("Contrat local de santé (2e génération)");
  // Every axis is carried over unless unchecked; fiches are chosen.
  await expect(page.getByRole("checkbox", { name: "Axe 1 – Axe 1" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: "Axe 2 – Axe 2" })).toBeChecked();
  await expect(page.getByRole("checkbox", { name: /^Fiche n°\s4 – Fiche 4$/ })).not.toBeChecked();
  await expectNoAxeViolations(page);
  for (const number of [1, 2, 3])
    await page.getByRole("checkbox", { name: new RegExp(`^Fiche n°\\s${number} – Fiche ${number}$`) }).check();
  await page.getByRole("button", { name: "Préparer le contrat suivant" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Contrat local de santé (2e génération)");
  await expect(page.getByRole("link", { name: "Contrat local de santé", exact: true })).toHaveAttribute(
    "href",
    `/espace/${own.world.slug}/contrats/${own.world.contractId}`,
  );
  await expect(page.getByText("2e contrat local de santé")).toBeVisible();
  await expect(page.getByText("Brouillon", { exact: true })).toBeVisible();
  await expect(page.getByRole("list", { name: "Fiches actions de l’axe 1" }).getByRole("listitem")).toHaveText([
    /Fiche n°\s1\s*Fiche 1\s*Non commencée/,
    /Fiche n°\s2\s*Fiche 2\s*Non commencée/,
  ]);
  await expect(page.getByRole("list", { name: "Fiches actions de l’axe 2" }).getByRole("listitem")).toHaveText([/Fiche n°\s3\s*Fiche 3/]);
  await expectNoAxeViolations(page);

  await page.getByRole("link", { name: "Fiche 3", exact: true }).click();
  const earlier = page.getByRole("region", { name: "Générations précédentes" });
  await expect(earlier.getByRole("listitem")).toHaveText([/1er contrat local de santé\s*Fiche n°\s3 – Fiche 3/]);
  await expectNoAxeViolations(page);
  await earlier.getByRole("link", { name: /^Fiche n°\s3 – Fiche 3$/ }).click();
  await expect(page).toHaveURL(new RegExp(`/contrats/${own.world.contractId}/fiches/${own.world.ficheIds[2]}$`));

  // One next contract only: the ending contract's page offers no second one, and its form says why.
  await page.goto(`${own.app.base}/espace/${own.world.slug}/contrats/${own.world.contractId}`);
  const next = page.getByRole("link", { name: "Contrat local de santé (2e génération)", exact: true });
  await expect(next).toHaveAttribute("href", /\/contrats\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("link", { name: "Préparer le contrat suivant" })).toHaveCount(0);
  await page.goto(`${own.app.base}/espace/${own.world.slug}/contrats/${own.world.contractId}/renouveler`);
  await expect(page.getByText(/^Ce contrat a déjà un contrat suivant/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Préparer le contrat suivant" })).toHaveCount(0);
});

test("the needs and actions page sets apart the finding no fiche answers, in words", async ({ page }) => {
  await signIn(page, own.world.coordinator, DEMO_PASSWORD, own.app.base);
  await page.goto(`${own.app.base}/espace/${own.world.slug}/contrats/${own.world.contractId}`);
  await page.getByRole("link", { name: "Besoins et actions" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Besoins et actions");
  const findings = page.getByRole("region", { name: "Constats du diagnostic (3)" });
  await expect(findings.getByRole("status")).toContainText(
    "2\u00a0constats ont au moins une fiche action qui y répond\u202f; 1\u00a0constat n’en a aucune.",
  );
  const items = findings.getByRole("list", { name: "Constats du diagnostic et fiches actions" }).getByRole("listitem");
  await expect(items).toHaveText([
    /Constat 1\s*Fiche action qui y répond\s:\sFiche n°\s1 – Fiche 1/,
    /Constat 2\s*Fiche action qui y répond\s:\sFiche n°\s3 – Fiche 3/,
    /Constat 3\s*Sans action\s*Aucune fiche action n’y répond\./,
  ]);
  await expect(page.getByRole("list", { name: "Fiches actions sans constat" }).getByRole("listitem")).toHaveText([
    /^Fiche n°\s2 – Fiche 2$/,
    /^Fiche n°\s4 – Fiche 4$/,
  ]);
  await expectNoAxeViolations(page);
  // The ARS checks count it too.
  await page.goto(`${own.app.base}/espace/${own.world.slug}/contrats/${own.world.contractId}`);
  await expect(page.getByRole("region", { name: /^Points d’attention/ })).toContainText(
    "1\u00a0constat du diagnostic sans fiche action qui y réponde.",
  );
});

test("the public territory page links the generations, and each contract's page shows its needs and actions", async ({ page }) => {
  test.setTimeout(60_000);
  // The coordinators publish the next contract and its fiches (what the publication spec drives through the forms).
  const { db } = own;
  const next = await db.contract.findFirstOrThrow({ where: { previousContractId: own.world.contractId } });
  await db.contract.update({ where: { id: next.id }, data: { visibility: "published", publishedAt: new Date() } });
  await db.$transaction((tx) => publishAllFiches(tx, next.id, { userId: null }));

  await page.goto(`${own.app.base}/territoires/${own.world.slug}`);
  await expect(page.getByRole("region", { name: "Contrat local de santé (2e génération)" })).toBeVisible();
  const generations = page.getByRole("region", { name: "Générations du contrat" });
  await expect(generations.getByRole("listitem")).toHaveText([
    /1er contrat local de santé\s*Contrat local de santé · 2021–2025/,
    /2e contrat local de santé\s*Contrat local de santé \(2e génération\) \(cette page\)/,
  ]);
  await expectNoAxeViolations(page);
  await generations.getByRole("link", { name: "Contrat local de santé", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/territoires/${own.world.slug}/cls-1$`));
  await expect(page.getByRole("navigation", { name: "Fil d’Ariane" })).toContainText("1er contrat local de santé");
  const diagnosis = page.getByRole("region", { name: "Diagnostic local de santé" });
  await expect(diagnosis).toContainText(
    "Sur 3\u00a0constats, 2 ont au moins une fiche action publiée qui y répond\u202f; 1 n’a pas encore d’action publiée.",
  );
  await expect(diagnosis.getByRole("list", { name: "Constats du diagnostic" }).getByRole("listitem")).toHaveText([
    /Constat 1\s*Fiche action qui y répond\s:\sFiche n°\s1 – Fiche 1/,
    /Constat 2\s*Fiche action qui y répond\s:\sFiche n°\s3 – Fiche 3/,
    /Constat 3\s*Sans action\s*Aucune fiche action publiée n’y répond\./,
  ]);
  await expectNoAxeViolations(page);

  // The carried fiche's public page links the fiche it continues.
  await page.goto(`${own.app.base}/territoires/${own.world.slug}/cls-2/fiches/3`);
  const earlier = page.getByRole("region", { name: "Générations précédentes" });
  await expect(earlier.getByRole("link", { name: /^Fiche n°\s3 – Fiche 3$/ })).toHaveAttribute(
    "href",
    `/territoires/${own.world.slug}/cls-1/fiches/3`,
  );
  await expectNoAxeViolations(page);
});
