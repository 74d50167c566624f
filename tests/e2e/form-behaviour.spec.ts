// What every form shares, proven once in Chromium, keyboard first: the error summary after a
// failed save, the sticky save bar that never hides the focused field, focus in a new row, the
// notices (with "Annuler") after creating, trashing and restoring, the organisation combobox,
// French plurals, and the journal's addresses. Fiches are written in Lens-Liévin, which the
// other specs only import into a contract of their own.
import { expect, test, type Page } from "./fixtures";
import { expectNoAxeViolations } from "./accessibility";
import { signIn } from "./sign-in";

const COORDINATOR = "coordination@lens-lievin.test";

async function openContract(page: Page) {
  await page.goto("/espace/lens-lievin");
  await page.getByRole("region", { name: "Contrats du territoire" }).getByRole("link").first().click();
  await page.waitForURL(/\/contrats\/[0-9a-f-]{36}$/);
  return page.url().replace(/^https?:\/\/[^/]+/, "");
}

/** Presses a button the keyboard way: focus, then Enter. */
async function press(page: Page, name: string | RegExp) {
  await page.getByRole("button", { name, exact: typeof name === "string" }).focus();
  await page.keyboard.press("Enter");
}

async function createFiche(page: Page, title: string) {
  const contractPath = await openContract(page);
  await page.getByRole("link", { name: "Nouvelle fiche action" }).click();
  await page.getByLabel("Intitulé", { exact: true }).fill(title);
  await press(page, "Créer la fiche");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(new RegExp(title));
  return { contractPath, fichePath: page.url().replace(/^https?:\/\/[^/]+/, "") };
}

/** The notice region between the header and the page. */
const notices = (page: Page) => page.locator("body > [aria-live=polite]");

test("a failed save focuses an error summary whose links focus each field in error", async ({ page }) => {
  await signIn(page, COORDINATOR);
  await openContract(page);
  await page.getByRole("link", { name: "Nouvelle fiche action" }).click();
  await page.getByLabel("Avancement (%)").first().fill("150");
  await press(page, "Ajouter un objectif");
  await page.keyboard.type("Un objectif");
  await page.getByLabel("Avancement (%)").nth(1).fill("250");
  await press(page, "Créer la fiche");

  const summary = page.getByRole("main").getByRole("alert");
  await expect(summary).toBeFocused();
  await expect(summary).toContainText("Le formulaire contient des erreurs");
  await expect(summary).toContainText("3\u00a0champs à corriger");
  const links = summary.getByRole("link");
  // In the order of the form, each named by its label (and its row's, when the label repeats).
  await expect(links.nth(0)).toHaveText(/^Intitulé\s:\s/);
  await expect(links.nth(1)).toHaveText(/^Avancement \(%\)\s:\sUn pourcentage entre 0 et 100\.$/);
  await expect(links.nth(2)).toHaveText(/^Objectif 1 – Avancement \(%\)\s:\sUn pourcentage entre 0 et 100\.$/);
  await expectNoAxeViolations(page);

  await page.keyboard.press("Tab");
  await expect(links.nth(0)).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Intitulé", { exact: true })).toBeFocused();
  await links.nth(2).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Avancement (%)").nth(1)).toBeFocused();

  // Corrected, the form saves; a new mistake brings the summary and the focus back.
  await page.keyboard.press("Control+A");
  await page.keyboard.type("20");
  await page.getByLabel("Avancement (%)").first().fill("10");
  await page.getByLabel("Intitulé", { exact: true }).fill("");
  await press(page, "Créer la fiche");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveCount(1);
});

for (const viewport of [
  { width: 375, height: 700 },
  { width: 1440, height: 900 },
]) {
  test(`at ${viewport.width} px, the sticky save bar never hides the field that takes the focus`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await signIn(page, COORDINATOR);
    await openContract(page);
    await page.getByRole("link", { name: "Nouvelle fiche action" }).click();
    const bar = page.locator("[data-save-bar]");
    await expect(bar.getByRole("button", { name: "Créer la fiche" })).toBeVisible();
    await expectFocusAboveBar(page, [
      ["Contact pilote", "E-mail du contact pilote"],
      ["Objectif du projet régional de santé", "Déterminants de santé"],
      ["Déterminants de santé", "Santé mentale"],
    ]);
    // The contract form shares the bar.
    await page.goto("/espace/lens-lievin/contrats/nouveau");
    await expect(bar.getByRole("button", { name: "Créer le contrat" })).toBeVisible();
    await expectFocusAboveBar(page, [["Année du diagnostic", "Synthèse du diagnostic"]]);
  });
}

/** For each pair: the target field starts right under the save bar; Tab from the field before focuses it above the bar. */
async function expectFocusAboveBar(page: Page, pairs: Array<[string, string]>) {
  const bar = page.locator("[data-save-bar]");
  for (const [before, target] of pairs) {
    const field = page.getByLabel(target, { exact: true });
    // The page scrolled so that the field sits right under the bar, inside the window.
    await field.evaluate((element) => {
      const barTop = document.querySelector("[data-save-bar]")!.getBoundingClientRect().top;
      window.scrollBy(0, element.getBoundingClientRect().top - barTop - 2);
    });
    const hidden = await field.evaluate((element) => {
      const barTop = document.querySelector("[data-save-bar]")!.getBoundingClientRect().top;
      return element.getBoundingClientRect().bottom > barTop;
    });
    expect(hidden, `${target} starts under the bar`).toBe(true);
    await page.getByLabel(before, { exact: true }).evaluate((element: HTMLElement) => element.focus({ preventScroll: true }));
    await page.keyboard.press("Tab");
    await expect(field).toBeFocused();
    const [fieldBox, barBox] = await Promise.all([field.boundingBox(), bar.boundingBox()]);
    expect(fieldBox!.y + fieldBox!.height, `${target} ends above the bar`).toBeLessThanOrEqual(barBox!.y);
    expect(fieldBox!.y).toBeGreaterThanOrEqual(0);
  }
}

test("adding, moving and removing a row moves the focus where the keyboard user needs it", async ({ page }) => {
  await signIn(page, COORDINATOR);
  await openContract(page);
  await page.getByRole("link", { name: "Nouvelle fiche action" }).click();

  for (const [button, first] of [
    ["Ajouter un partenaire", page.getByRole("combobox", { name: "Partenaire 1", exact: true })],
    ["Ajouter une étape", page.getByLabel("Étape 1", { exact: true })],
    ["Ajouter une ligne de budget", page.getByRole("combobox", { name: "Financeur 1", exact: true })],
    ["Ajouter un objectif", page.getByLabel("Objectif 1", { exact: true })],
    ["Ajouter un engagement", page.getByRole("combobox", { name: "Partenaire engagé 1", exact: true })],
  ] as const) {
    await press(page, button);
    await expect(first).toBeFocused();
  }

  await press(page, "Ajouter un partenaire");
  await expect(page.getByRole("combobox", { name: "Partenaire 2", exact: true })).toBeFocused();
  await page.getByLabel("Rôle").nth(1).fill("Second");
  // Moved up to the top, the row keeps the focus on its arrows ("Monter" is now disabled).
  await press(page, "Monter le partenaire 2");
  await expect(page.getByRole("button", { name: "Descendre le partenaire 1" })).toBeFocused();
  await expect(page.getByLabel("Rôle").first()).toHaveValue("Second");
  // Removed, the next row takes the focus; the last one gives it to the add button.
  await press(page, "Retirer le partenaire 1");
  await expect(page.getByRole("combobox", { name: "Partenaire 1", exact: true })).toBeFocused();
  await press(page, "Retirer le partenaire 1");
  await expect(page.getByRole("button", { name: "Ajouter un partenaire" })).toBeFocused();

  // The contract form's rows too.
  await page.goto("/espace/lens-lievin/contrats/nouveau");
  await press(page, "Ajouter un constat");
  await expect(page.getByLabel("Constat 1", { exact: true })).toBeFocused();
  await press(page, "Ajouter un signataire");
  await expect(page.getByRole("combobox", { name: "Signataire 1", exact: true })).toBeFocused();
  await expectNoAxeViolations(page);
});

test("Tab leaves an organisation picker whose list is open for the next field, never for the page", async ({ page }) => {
  await signIn(page, COORDINATOR);
  await openContract(page);
  await page.getByRole("link", { name: "Nouvelle fiche action" }).click();
  await press(page, "Ajouter une ligne de budget");
  const picker = page.getByRole("combobox", { name: "Financeur 1", exact: true });
  await expect(picker).toBeFocused();
  await page.keyboard.type("sant");
  // The open list scrolls (more organisations than it shows): Chromium would make it a tab stop.
  const list = page.getByRole("listbox", { name: "Financeur 1" });
  await expect(list.getByRole("option").nth(5)).toBeAttached();
  expect(await list.evaluate((element) => element.scrollHeight > element.clientHeight)).toBe(true);
  await page.keyboard.press("Tab");
  await expect(page.getByLabel("Ou son nom")).toBeFocused();
  await expect(list).toBeHidden();
});

test("creating, trashing and restoring confirm in a polite live region, and Annuler restores from the trash", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, COORDINATOR);
  const { contractPath, fichePath } = await createFiche(page, "Fiche remise par Annuler");
  await expect(notices(page)).toHaveText("La fiche action est créée.");
  await expect(notices(page).locator("[tabindex='-1']")).toBeFocused();
  await expectNoAxeViolations(page);

  // Moved to the trash: the contract page says so, and the keyboard reaches "Annuler" at once.
  await press(page, /^Mettre à la corbeille la fiche n°\s\d+$/);
  await press(page, "Mettre à la corbeille");
  await page.waitForURL((url) => url.pathname === contractPath);
  await expect(notices(page)).toContainText(/La fiche n°\s\d+ est dans la corbeille pour 30\sjours\./);
  await expectNoAxeViolations(page);
  await page.keyboard.press("Tab");
  await expect(notices(page).getByRole("button", { name: "Annuler" })).toBeFocused();
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => url.pathname === fichePath);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/Fiche remise par Annuler/);
  await expect(notices(page)).toHaveText(/La fiche n°\s\d+ est restaurée\./);
  await expect(notices(page).locator("[tabindex='-1']")).toBeFocused();

  // An indicator moved to the trash comes back the same way, on the same page.
  await page
    .getByRole("navigation", { name: "Pages de la fiche" })
    .getByRole("link", { name: /^Indicateurs/ })
    .click();
  await expect(page).toHaveURL(/\/indicateurs$/);
  const indicators = page.getByRole("region", { name: /^Indicateurs/ });
  await indicators.getByLabel("Nom de l’indicateur").fill("Indicateur remis");
  await indicators.getByRole("button", { name: "Ajouter l’indicateur" }).click();
  await expect(indicators.getByRole("heading", { name: "Indicateur remis" })).toBeVisible();
  await press(page, "Supprimer l’indicateur « Indicateur remis »");
  await press(page, "Supprimer l’indicateur");
  await expect(notices(page)).toHaveText(/L’indicateur «\sIndicateur remis\s» est dans la corbeille/);
  await expect(indicators.getByRole("heading", { name: "Indicateur remis" })).toHaveCount(0);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Enter");
  await expect(notices(page)).toHaveText(/L’indicateur «\sIndicateur remis\s» est restauré\./);
  await expect(indicators.getByRole("heading", { name: "Indicateur remis" })).toBeVisible();

  // Restored from the trash page: the row leaves, the notice says so and takes the focus.
  await page.getByRole("navigation", { name: "Pages de la fiche" }).getByRole("link", { name: "La fiche" }).click();
  await page.waitForURL((url) => url.pathname === fichePath);
  await press(page, /^Mettre à la corbeille la fiche n°\s\d+$/);
  await press(page, "Mettre à la corbeille");
  await page.waitForURL((url) => url.pathname === contractPath);
  await page.goto(`${contractPath}/corbeille`);
  await expect(notices(page)).toBeEmpty();
  await press(page, /^Restaurer la fiche n°\s\d+$/);
  await expect(notices(page)).toHaveText(/La fiche n°\s\d+ est restaurée\./);
  await expect(notices(page).locator("[tabindex='-1']")).toBeFocused();
  await expectNoAxeViolations(page);
});

test("an objective removed from a saved fiche goes to the trash on save, and Annuler brings it back", async ({ page }) => {
  await signIn(page, COORDINATOR);
  await createFiche(page, "Fiche à objectif remis");
  await press(page, "Ajouter un objectif");
  await page.keyboard.type("Objectif à remettre");
  await press(page, "Enregistrer la fiche");
  await expect(page.getByRole("main").getByRole("status").first()).toHaveText("Fiche enregistrée.");

  page.once("dialog", (dialog) => dialog.accept());
  await press(page, "Retirer l’objectif 1");
  await expect(page.getByLabel("Objectif 1", { exact: true })).toHaveCount(0);
  await press(page, "Enregistrer la fiche");
  await expect(notices(page)).toHaveText(/L’objectif «\sObjectif à remettre\s» est dans la corbeille pour 30\sjours\./);
  await page.keyboard.press("Tab");
  await expect(notices(page).getByRole("button", { name: "Annuler" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByLabel("Objectif 1", { exact: true })).toHaveValue("Objectif à remettre");
  await expect(notices(page)).toHaveText(/L’objectif «\sObjectif à remettre\s» est restauré\./);
});

test("in the organisation combobox, typing then ↓ then Enter picks the first match (WAI-ARIA APG)", async ({ page }) => {
  await signIn(page, COORDINATOR);
  await openContract(page);
  await page.getByRole("link", { name: "Nouvelle fiche action" }).click();
  const box = page.getByRole("combobox", { name: "Structure pilote" });
  await box.focus();
  await page.keyboard.type("cpam");
  const options = page.getByRole("listbox", { name: "Structure pilote" }).getByRole("option");
  // The server's suggestions, once they have arrived.
  await expect(options.first()).toContainText("CPAM");
  expect(await options.count()).toBeGreaterThan(1);
  // Typing highlights nothing.
  await expect(box).not.toHaveAttribute("aria-activedescendant");
  await expect(page.getByRole("listbox", { name: "Structure pilote" }).getByRole("option", { selected: true })).toHaveCount(0);
  const first = (await options.first().textContent())!;
  await page.keyboard.press("ArrowDown");
  await expect(options.first()).toHaveAttribute("aria-selected", "true");
  await expect(box).toHaveAttribute("aria-activedescendant", (await options.first().getAttribute("id"))!);
  await page.keyboard.press("Enter");
  await expect(box).toHaveValue(first);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nouvelle fiche action");

  // ↑ from nothing highlights the last match; Escape gives back the chosen organisation.
  await page.keyboard.press("Control+A");
  await page.keyboard.type("cpam");
  await expect(options.first()).toContainText("CPAM");
  const last = (await options.last().textContent())!;
  await page.keyboard.press("ArrowUp");
  await expect(options.last()).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Escape");
  await expect(box).toHaveValue(first);
  // Enter with nothing highlighted neither picks nor submits.
  await page.keyboard.press("Control+A");
  await page.keyboard.type("cpam");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nouvelle fiche action");
  await expect(options.first()).toBeHidden();
  expect(last).not.toBe(first);
});

test("counts agree in French: one valid line is « la ligne valide », not « les 1 lignes »", async ({ page }) => {
  await signIn(page, COORDINATOR);
  const contractPath = await openContract(page);
  await page.goto(`${contractPath}/import`);
  const csv = "\uFEFFNuméro;Axe;Intitulé;Statut\r\n901;1;Fiche seule à importer;En cours\r\n";
  await page.getByLabel("Fichier .xlsx ou .csv").setInputFiles({ name: "une.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await press(page, "Vérifier le fichier");
  await expect(page.getByText("1\u00a0ligne valide, 0\u00a0ligne en erreur.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Importer la ligne valide" })).toBeVisible();
  await expect(page.getByText(/les 1 ligne/)).toHaveCount(0);
});

test("the journal shows addresses as plain IPv4 or IPv6, to platform admins only", async ({ browser }) => {
  // Two accounts signed in, a fiche created, three journals read and two axe audits: more than 30 s on a loaded machine.
  test.slow();
  const coordinatorContext = await browser.newContext();
  const coordinator = await coordinatorContext.newPage();
  await signIn(coordinator, COORDINATOR);
  await createFiche(coordinator, "Fiche pour le journal");
  await coordinator.goto("/espace/lens-lievin/journal");
  const entry = coordinator.getByRole("list", { name: "Modifications" }).getByRole("listitem").filter({ hasText: "Fiche pour le journal" });
  await expect(entry.first()).toBeVisible();
  await expect(coordinator.getByRole("main")).not.toContainText(/\bIP\b/);
  await expectNoAxeViolations(coordinator);
  await coordinatorContext.close();

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "admin@opencls.test");
  for (const path of ["/espace/lens-lievin/journal", "/admin/journal"]) {
    await admin.goto(path);
    const event = admin.getByRole("list", { name: "Modifications" }).getByRole("listitem").filter({ hasText: "Fiche pour le journal" });
    await expect(event.first()).toContainText(/IP (127\.0\.0\.1|::1)(?![\d.:])/);
    await expect(admin.getByRole("main")).not.toContainText("::ffff:");
  }
  await expectNoAxeViolations(admin);
  await adminContext.close();
});
