// Amendments (issue 16): on a signed, published contract of a fictional territory of its own, a
// coordinator prepares an amendment, creates two fiches and adds them to it, closes a third,
// attaches its deliberation from the contract's documents, and submits it to the ARS; the ARS
// officer gives a favourable opinion; the coordinator records each signatory's signature, then the
// amendment's; the territory's public page shows the amended contract with the amendment's history.
// A second draft is deleted, its fiche untouched. Then the next generation is prepared from the
// amended contract, carrying the fiche kept and the two added, each continuing its fiche; once
// published, the public page links the two generations.
// On an app instance and a database of the spec's own: a territory of its own on the suite's
// database would change the counts the home page's tests read, and in a seeded territory a spec
// creating a contract beside this one could take the generation its renewal needs. Axe-clean at
// each page; the pages are photographed at 375 and 1440 px.
import { todayInParis } from "@/lib/due/schedule";
import { formatDate, isoDay } from "@/lib/format";
import { pdfBytes } from "../support/document-files";
import { createAccount, createAmendableContract, createFictionalTerritory, createRegionOfficer } from "../support/e2e-accounts";
import { ownWorld } from "../support/own-world";
import { expectNoAxeViolations } from "./accessibility";
import { expect, test, type Page } from "./fixtures";
import { DEMO_PASSWORD, signIn } from "./sign-in";
import { createFiche, unique } from "./workspace";

test.describe.configure({ mode: "serial" });

const suffix = unique();
const TITLE = `Contrat amendé ${suffix}`;
const PURPOSE = `Annexer deux actions nouvelles et clore les permanences ${suffix}.`;
const ADDED = [`Équipe mobile ${suffix}`, `Ateliers mémoire ${suffix}`];
const SIGNATORIES = [
  {
    organisation: `Communauté de communes fictive ${suffix}`,
    kind: "local_authority",
    signerName: "Dominique Exemple",
    signerTitle: "Président",
  },
  { organisation: `Caisse primaire d’assurance maladie fictive ${suffix}`, kind: "cpam" },
] as const;
const DELIBERATION = `Délibération approuvant l’avenant n° 1 ${suffix}`;
const TODAY = todayInParis();

const own = ownWorld(test, "amendments", async (db) => {
  const territory = await createFictionalTerritory(`Territoire fictif ${suffix}`, db);
  const { contractId, fiches } = await createAmendableContract(territory.slug, SIGNATORIES, TITLE, db);
  const coordinator = await createAccount("coordinator", territory.slug, `Coordination ${suffix}`, undefined, db);
  const officer = await createRegionOfficer("bourgogne-franche-comte", "ARS Bourgogne-Franche-Comté", db);
  return {
    slug: territory.slug,
    contractPath: `/espace/${territory.slug}/contrats/${contractId}`,
    fiches,
    coordinator: coordinator.email,
    officer: officer.email,
  };
});

/** The page at both widths the brief asks to look at, kept with the test's results. */
async function photograph(page: Page, name: string, outputPath: (name: string) => string) {
  for (const width of [375, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: outputPath(`${name}-${width}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

/** Adds a fiche to the amendment open in the page, by its title, with what the amendment does to it. */
async function addToAmendment(page: Page, title: string, change: string) {
  const form = page.getByRole("form", { name: "Ajouter une fiche à l’avenant" });
  const option = await form.getByRole("option", { name: title }).textContent();
  await form.getByLabel("Fiche action").selectOption({ label: option! });
  await form.getByRole("radio", { name: change }).check();
  await form.getByRole("button", { name: "Ajouter à l’avenant" }).click();
  await expect(page.getByRole("list", { name: "Fiches de l’avenant" }).getByRole("listitem").filter({ hasText: title })).toContainText(
    change,
  );
}

const go = (page: Page, path: string) => page.goto(`${own.app.base}${path}`);

test("a coordinator amends the signed contract, the ARS approves it, each signatory signs it, and the public page shows it with its history", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(240_000);
  const { contractPath } = own.world;
  const [kept, , closed] = own.world.fiches;

  // 1. The coordinator prepares the amendment from the contract page: a missing purpose is named at its field.
  await signIn(page, own.world.coordinator, DEMO_PASSWORD, own.app.base);
  await go(page, contractPath);
  const section = page.getByRole("region", { name: /^Avenants/ });
  await expect(section.getByText("Aucun avenant pour le moment.")).toBeVisible();
  await section.getByRole("button", { name: "Préparer l’avenant" }).click();
  await expect(section.getByLabel("Objet de l’avenant")).toHaveAccessibleDescription(/Dites l’objet de l’avenant\./);
  await section.getByLabel("Objet de l’avenant").fill(PURPOSE);
  await section.getByRole("button", { name: "Préparer l’avenant" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Avenant n°\u00a01");
  const amendmentPath = new URL(page.url()).pathname;
  // Signed before amendments were recorded: the page says what stands for the contract as signed.
  await expect(page.getByRole("region", { name: "Différences" })).toContainText("aucun instantané n’a été pris à sa signature");
  await expectNoAxeViolations(page);

  // 2. It creates the two fiches the amendment adds, then names them in it, and closes a third.
  for (const fiche of ADDED) {
    await go(page, contractPath);
    await createFiche(page, fiche);
  }
  await go(page, amendmentPath);
  for (const fiche of ADDED) await addToAmendment(page, fiche, "Ajoutée par l’avenant");
  await addToAmendment(page, closed, "Close par l’avenant");
  // A fiche the contract held before cannot be one the amendment adds.
  const form = page.getByRole("form", { name: "Ajouter une fiche à l’avenant" });
  await form.getByLabel("Fiche action").selectOption({ label: (await form.getByRole("option", { name: kept }).textContent())! });
  await form.getByRole("radio", { name: "Ajoutée par l’avenant" }).check();
  await form.getByRole("button", { name: "Ajouter à l’avenant" }).click();
  await expect(form.getByRole("group", { name: "Ce que l’avenant en fait" })).toContainText("figure déjà dans le contrat avant l’avenant");
  const differences = page.getByRole("region", { name: "Différences" });
  await expect(differences.getByRole("heading", { name: "Fiches ajoutées (2)" })).toBeVisible();

  // 3. Its deliberation, uploaded among the contract's documents, is attached to it.
  await page.getByRole("region", { name: "Documents de l’avenant (0)" }).getByRole("link", { name: "documents du contrat" }).click();
  const upload = page.getByRole("region", { name: "Ajouter un document" });
  await upload.getByLabel("Type de document").selectOption({ label: "Délibération" });
  await upload.getByLabel("Intitulé").fill(DELIBERATION);
  await upload.getByLabel("Date du document").fill(isoDay(TODAY)!);
  await upload.getByLabel("Visible sur la page publique").check();
  await upload.getByLabel("Avenant concerné").selectOption({ label: "Avenant n°\u00a01 (en préparation)" });
  await upload.getByLabel("Fichier").setInputFiles({ name: "Délibération avenant 1.pdf", mimeType: "application/pdf", buffer: pdfBytes() });
  await upload.getByRole("button", { name: "Ajouter le document" }).click();
  const listed = page
    .getByRole("list", { name: /^Documents du contrat/ })
    .getByRole("listitem")
    .filter({ has: page.getByRole("heading", { name: DELIBERATION }) });
  await expect(listed.getByRole("link", { name: "Avenant n°\u00a01" })).toBeVisible();
  await expectNoAxeViolations(page);
  await listed.getByRole("link", { name: "Avenant n°\u00a01" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Avenant n°\u00a01");
  const attached = page.getByRole("region", { name: "Documents de l’avenant (1)" });
  await expect(attached.getByRole("link", { name: DELIBERATION })).toHaveAttribute("href", /\/documents\/[0-9a-f-]{36}$/);
  await expect(attached.getByText("Public", { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await photograph(page, "avenant-brouillon", (name) => testInfo.outputPath(name));

  // 4. It submits the amendment to the ARS.
  const review = page.getByRole("region", { name: "Avis de l’ARS sur l’avenant" });
  await review.getByRole("button", { name: "Soumettre à l’ARS l’avenant n°\u00a01" }).click();
  await expect(review.getByText("Soumis à l’ARS, avis attendu")).toBeVisible();
  await expect(page.getByRole("form", { name: "Ajouter une fiche à l’avenant" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Supprimer l’avenant n°\u00a01" })).toHaveCount(0);

  // 5. The ARS officer reads it and gives a favourable opinion.
  const officerContext = await browser.newContext();
  const officer = await officerContext.newPage();
  await signIn(officer, own.world.officer, DEMO_PASSWORD, own.app.base);
  await go(officer, amendmentPath);
  await expect(officer.getByRole("heading", { level: 1 })).toHaveText("Avenant n°\u00a01");
  await expect(officer.getByRole("region", { name: "Différences" }).getByRole("link", { name: new RegExp(ADDED[0]) })).toBeVisible();
  await expect(officer.getByRole("region", { name: "Signature" })).toHaveCount(0);
  await expectNoAxeViolations(officer);
  const agency = officer.getByRole("region", { name: "Avis de l’ARS sur l’avenant" });
  await agency.getByRole("button", { name: "Rendre un avis favorable sur l’avenant n°\u00a01" }).click();
  await expect(agency.getByText("Avis favorable de l’ARS")).toBeVisible();
  await officerContext.close();

  // 6. The coordinator records each signatory's signature, with the deliberation that empowered it.
  await page.reload();
  const signature = page.getByRole("region", { name: "Signature" });
  const [territory, cpam] = SIGNATORIES.map((signatory) => signatory.organisation);
  await expect(signature).toContainText(`il manque la signature de ${territory}, ${cpam}.`);
  await expect(signature.getByRole("button", { name: "Enregistrer la signature de l’avenant n°\u00a01" })).toHaveCount(0);
  await signature.getByText(`Enregistrer la signature de ${territory}`, { exact: true }).click();
  const first = signature.getByRole("form", { name: `Signature de ${territory}` });
  // The person who signed the contract for it is proposed; a day to come is refused at its field.
  await expect(first.getByLabel("Nom de la personne signataire")).toHaveValue("Dominique Exemple");
  await first.getByLabel("Date de signature").fill(isoDay(new Date(TODAY.getTime() + 86_400_000))!);
  await first.getByRole("button", { name: "Enregistrer cette signature" }).click();
  await expect(first.getByLabel("Date de signature")).toHaveAccessibleDescription(/Cette date n’est pas encore venue/);
  // The error summary takes the focus, and leads to the field.
  const summary = first.getByRole("alert");
  await expect(summary).toBeFocused();
  await summary.getByRole("link", { name: /Date de signature/ }).click();
  await expect(first.getByLabel("Date de signature")).toBeFocused();
  await first.getByLabel("Date de signature").fill(isoDay(TODAY)!);
  await first.getByLabel("Référence de la délibération").fill(`DEL-${suffix}`);
  await first.getByLabel("Date de la délibération").fill(isoDay(TODAY)!);
  await first.getByRole("button", { name: "Enregistrer cette signature" }).click();
  await expect(first.getByRole("status")).toContainText(`La signature de ${territory} est enregistrée.`);
  const signatures = signature.getByRole("list", { name: "Signatures des signataires" }).getByRole("listitem");
  await expect(signatures.filter({ hasText: territory })).toContainText(`Signé le ${formatDate(TODAY)}`);
  await expect(signatures.filter({ hasText: territory })).toContainText(`Dominique Exemple, Président · délibération DEL-${suffix}`);
  await signature.getByText(`Enregistrer la signature de ${cpam}`, { exact: true }).click();
  const second = signature.getByRole("form", { name: `Signature de ${cpam}` });
  await second.getByLabel("Date de signature").fill(isoDay(TODAY)!);
  await second.getByLabel("Qualité").fill("Directrice");
  await photograph(page, "avenant-signatures", (name) => testInfo.outputPath(name));
  await second.getByRole("button", { name: "Enregistrer cette signature" }).click();
  await expect(second.getByRole("status")).toContainText(`La signature de ${cpam} est enregistrée.`);
  await expectNoAxeViolations(page);

  // 7. All have signed: the coordinator records the amendment's signature, which asks first.
  await signature.getByRole("button", { name: "Enregistrer la signature de l’avenant n°\u00a01" }).click();
  const confirm = signature.getByRole("group", {
    name: `Enregistrer la signature de l’avenant n°\u00a01, daté du ${formatDate(TODAY)}\u00a0?`,
  });
  await confirm.getByRole("button", { name: "Enregistrer la signature de l’avenant" }).click();
  await expect(page.getByRole("region", { name: "L’avenant", exact: true })).toContainText(`Signé le ${formatDate(TODAY)}`);
  await expect(page.getByRole("region", { name: "Différences" }).getByRole("heading", { name: "Fiches closes (1)" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Contrat modifié par l’avenant en PDF" })).toBeVisible();
  await expect(signatures).toHaveCount(2);
  await expect(signature.getByRole("form")).toHaveCount(0);
  await expectNoAxeViolations(page);
  await photograph(page, "avenant-signe", (name) => testInfo.outputPath(name));

  await go(page, contractPath);
  const amended = page.getByRole("region", { name: /^Avenants/ });
  await expect(amended).toContainText(`Par l’avenant n°\u00a01, signé le ${formatDate(TODAY)}.`);
  await expectNoAxeViolations(page);
  // The fiche it closed stays in the contract's list, closed on the day of the last signature.
  await expect(
    page
      .getByRole("region", { name: /^Fiches actions/ })
      .getByRole("listitem")
      .filter({ hasText: closed }),
  ).toContainText(`Close le ${formatDate(TODAY)}`);
  // It has left the plan: its page says why it no longer changes, and offers no save nor trash.
  await page
    .getByRole("region", { name: /^Fiches actions/ })
    .getByRole("link", { name: closed, exact: true })
    .click();
  await expect(page.getByRole("status").filter({ hasText: "Cette fiche a été close par l’avenant n°\u00a01" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Enregistrer la fiche" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Mettre à la corbeille/ })).toHaveCount(0);
  await expect(page.getByLabel("Intitulé", { exact: true })).toBeDisabled();
  await expectNoAxeViolations(page);

  // 8. The public page shows the amended contract and the amendment's history: who signed, its public deliberation.
  await go(page, `/territoires/${own.world.slug}`);
  await expect(page.getByRole("heading", { name: TITLE })).toBeVisible();
  for (const fiche of ADDED) await expect(page.getByRole("link", { name: fiche }).first()).toBeVisible();
  const history = page.getByRole("region", { name: "Avenants (1)" });
  await expect(history.getByRole("heading", { name: `Avenant n°\u00a01, signé le ${formatDate(TODAY)}` })).toBeVisible();
  await expect(history).toContainText(PURPOSE);
  // In the order they signed, then by name.
  await expect(history.getByRole("list", { name: "Signataires de l’avenant n°\u00a01" }).getByRole("listitem")).toHaveText([
    `${cpam} — Directrice, le ${formatDate(TODAY)}`,
    `${territory} — Dominique Exemple, Président, le ${formatDate(TODAY)}`,
  ]);
  await expect(history.getByRole("link", { name: DELIBERATION })).toHaveAttribute(
    "href",
    new RegExp(`^/territoires/${own.world.slug}/documents/[0-9a-f-]{36}$`),
  );
  await expect(history.getByRole("heading", { name: "Fiches ajoutées (2)" })).toBeVisible();
  await expect(history.getByRole("heading", { name: "Fiches closes (1)" })).toBeVisible();
  await expect(history).toContainText(closed);
  // Listed with its axis as closed, and left out of the progress.
  await expect(
    page.getByRole("list", { name: "Fiches actions de l’axe 1" }).getByRole("listitem").filter({ hasText: closed }),
  ).toContainText(`Close le ${formatDate(TODAY)}`);
  await expect(page.getByRole("region", { name: "Avancement" })).toContainText("1\u00a0fiche close par un avenant n’est pas comptée");
  await expectNoAxeViolations(page);
  await photograph(page, "page-publique", (name) => testInfo.outputPath(name));
});

test("a coordinator deletes a draft amendment, after confirming; the fiche it named is untouched", async ({ page }) => {
  test.setTimeout(90_000);
  const [kept] = own.world.fiches;
  await signIn(page, own.world.coordinator, DEMO_PASSWORD, own.app.base);
  await go(page, own.world.contractPath);
  const section = page.getByRole("region", { name: /^Avenants/ });
  await section.getByLabel("Objet de l’avenant").fill(`Un avenant abandonné ${suffix}.`);
  await section.getByRole("button", { name: "Préparer l’avenant" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Avenant n°\u00a02");
  await addToAmendment(page, kept, "Modifiée par l’avenant");
  await page.getByRole("button", { name: "Supprimer l’avenant n°\u00a02" }).click();
  const confirm = page.getByRole("group", { name: /^Supprimer l’avenant n°\s2\s\?/ });
  await expect(confirm).toContainText("Les fiches qu’il nomme restent dans le contrat telles qu’elles sont.");
  await expectNoAxeViolations(page);
  await confirm.getByRole("button", { name: "Supprimer", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(TITLE);
  await expect(page.getByRole("list", { name: "Avenants du contrat" }).getByRole("heading", { level: 3 })).toHaveText([
    "Avenant n°\u00a01",
  ]);
  await expect(page.getByRole("region", { name: /^Fiches actions/ }).getByRole("link", { name: kept, exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("the next generation is prepared from the amended contract, carrying the fiche kept and the two added", async ({ page }, testInfo) => {
  test.setTimeout(120_000);
  const [kept] = own.world.fiches;
  const carried = [kept, ...ADDED];
  await signIn(page, own.world.coordinator, DEMO_PASSWORD, own.app.base);
  await go(page, own.world.contractPath);
  await page.getByRole("link", { name: "Préparer le contrat suivant" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Préparer le contrat suivant");
  await expect(page.getByLabel("Intitulé du contrat suivant")).toHaveValue(`${TITLE} (2e génération)`);
  for (const title of carried) await page.getByRole("checkbox", { name: new RegExp(`^Fiche n°\\s\\d+ – ${title}$`) }).check();
  await expectNoAxeViolations(page);
  await photograph(page, "contrat-suivant", (name) => testInfo.outputPath(name));
  await page.getByRole("button", { name: "Préparer le contrat suivant" }).click();

  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`${TITLE} (2e génération)`);
  await expect(page.getByText("2e contrat local de santé")).toBeVisible();
  // The three fiches, numbered afresh in the new contract, each starting again.
  await expect(page.getByRole("list", { name: "Fiches actions de l’axe 1" }).getByRole("listitem")).toHaveText(
    carried.map((title, index) => new RegExp(`Fiche n°\\s${index + 1}\\s*${title}\\s*Non commencée`)),
  );
  await expectNoAxeViolations(page);
  await photograph(page, "contrat-renouvele", (name) => testInfo.outputPath(name));
  const nextPath = new URL(page.url()).pathname;

  // Each continues the fiche it was copied from, whose page it links.
  for (const [index, title] of carried.entries()) {
    await go(page, nextPath);
    await page.getByRole("link", { name: title, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(new RegExp(`^Fiche n°\\s${index + 1} – ${title}$`));
    const earlier = page.getByRole("region", { name: "Générations précédentes" });
    await expect(earlier.getByRole("listitem")).toHaveText([new RegExp(`1er contrat local de santé\\s*Fiche n°\\s\\d+ – ${title}$`)]);
    if (index === 0) await expectNoAxeViolations(page);
    await earlier.getByRole("link").click();
    await expect(page).toHaveURL(new RegExp(`${own.world.contractPath}/fiches/[0-9a-f-]{36}$`));
  }

  // A contract in preparation is not public: the territory page still shows the amended contract alone.
  await go(page, `/territoires/${own.world.slug}`);
  await expect(page.getByRole("heading", { name: TITLE, exact: true })).toBeVisible();
  await expect(page.getByRole("region", { name: "Générations du contrat" })).toHaveCount(0);
});

test("once the next contract is published, the public page links the generations, the amended one with its history", async ({
  page,
}, testInfo) => {
  test.setTimeout(120_000);
  const next = `${TITLE} (2e génération)`;
  await signIn(page, own.world.coordinator, DEMO_PASSWORD, own.app.base);
  await go(page, own.world.contractPath);
  await page.getByRole("link", { name: next, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(next);
  await page.getByRole("link", { name: "Modifier le contrat" }).click();
  await page.getByLabel("Visibilité").selectOption("published");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Modifications enregistrées.");
  await page.getByRole("navigation", { name: "Fil d’Ariane" }).getByRole("link", { name: next }).click();
  const publication = page.getByRole("region", { name: "Publication des fiches" });
  await publication.getByRole("button", { name: /^Publier les fiches modifiées \(3/ }).click();
  await publication.getByRole("button", { name: "Publier les fiches modifiées", exact: true }).click();
  await expect(publication).toContainText("Le public lit toutes les fiches non confidentielles telles qu’elles sont enregistrées.");

  await go(page, `/territoires/${own.world.slug}`);
  await expect(page.getByRole("heading", { name: next, exact: true })).toBeVisible();
  const generations = page.getByRole("region", { name: "Générations du contrat" });
  await expect(generations.getByRole("listitem")).toHaveText([
    new RegExp(`1er contrat local de santé\\s*${TITLE}`),
    new RegExp(`2e contrat local de santé\\s*${next.replace(/[()]/g, "\\$&")} \\(cette page\\)`),
  ]);
  await expectNoAxeViolations(page);
  await photograph(page, "generations", (name) => testInfo.outputPath(name));
  await generations.getByRole("link", { name: TITLE, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/territoires/${own.world.slug}/cls-1$`));
  await expect(page.getByRole("region", { name: "Avenants (1)" })).toContainText(PURPOSE);
  await expectNoAxeViolations(page);

  // A carried fiche's public page links the fiche it continues, on the amended contract's page.
  await go(page, `/territoires/${own.world.slug}/cls-2/fiches/2`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ADDED[0]);
  await expect(
    page.getByRole("region", { name: "Générations précédentes" }).getByRole("link", { name: new RegExp(`– ${ADDED[0]}$`) }),
  ).toHaveAttribute("href", new RegExp(`^/territoires/${own.world.slug}/cls-1/fiches/\\d+$`));
  await expectNoAxeViolations(page);
});
