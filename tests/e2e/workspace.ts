// Steps shared by the specs that work in a territory's workspace: opening a seeded contract by
// its title (tests create contracts too, and the newest is listed first), and setting up a
// contract or a fiche of a test's own when creating it is not what the test is about.
import { randomUUID } from "node:crypto";
import { expect, type Page } from "./fixtures";

/** The demo contract of each seeded territory. */
export const DEMO_CONTRACTS: Record<string, string> = {
  "romans-sur-isere": "Contrat local de santé de la Ville de Romans-sur-Isère",
  "rosny-sous-bois": "Contrat local de santé de Rosny-sous-Bois",
  "creusot-montceau": "Contrat local de santé de la communauté urbaine Creusot Montceau",
  "pays-ruffecois": "Contrat local de santé du PETR du Pays du Ruffécois",
  "lens-lievin": "Contrat local de santé de la Communauté d’Agglomération de Lens-Liévin",
};

/** A short suffix that keeps what a test creates apart from what other tests (or its own repeats) create. */
export const unique = () => randomUUID().slice(0, 8);

/** Opens the territory's demo contract from its workspace, as a user would. */
export async function openContract(page: Page, slug: string): Promise<void> {
  await page.goto(`/espace/${slug}`);
  await page.getByRole("region", { name: "Contrats du territoire" }).getByRole("link", { name: DEMO_CONTRACTS[slug], exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(DEMO_CONTRACTS[slug]);
}

/** Adds an axis to the contract open in the page. */
export async function addAxis(page: Page, title: string, transversal = false): Promise<void> {
  const form = page.getByRole("region", { name: "Ajouter un axe" });
  await form.getByLabel("Intitulé de l’axe").fill(title);
  if (transversal) await form.getByLabel(/Axe transversal/).check();
  await form.getByRole("button", { name: "Ajouter l’axe" }).click();
  await expect(form.getByRole("status")).toHaveText(`L’axe « ${title} » est ajouté.`);
}

/**
 * Creates a draft contract in the territory with the given axes, and opens it. The form
 * proposes the territory's next free rank; a test creating a contract in the same territory at
 * the same moment may take it first, and the app then says so: the form is opened again, with
 * the rank that is now free, as a person would do.
 */
export async function createContract(
  page: Page,
  slug: string,
  title: string,
  { axes = [], fill }: { axes?: string[]; fill?: () => Promise<void> } = {},
): Promise<void> {
  const created = page.getByRole("heading", { level: 1, name: title, exact: true });
  // The message under the field; the error summary repeats it in a link ("Rang : …").
  const taken = page.getByText("Ce territoire a déjà un contrat de ce rang.", { exact: true });
  for (let attempt = 1; attempt <= 3; attempt++) {
    await page.goto(`/espace/${slug}/contrats/nouveau`);
    await page.getByLabel("Titre").fill(title);
    await fill?.();
    await page.getByRole("button", { name: "Créer le contrat" }).click();
    await expect(created.or(taken)).toBeVisible();
    if (await created.isVisible()) break;
  }
  await expect(created).toBeVisible();
  for (const axis of axes) await addAxis(page, axis);
}

/** Creates a fiche in the contract open in the page, with operational objectives at the given progress, and opens it. */
export async function createFiche(page: Page, title: string, objectives: Array<{ title: string; progress: string }> = []): Promise<string> {
  await page.getByRole("link", { name: "Nouvelle fiche action" }).click();
  await page.getByLabel("Intitulé", { exact: true }).fill(title);
  for (const [index, objective] of objectives.entries()) {
    await page.getByRole("button", { name: "Ajouter un objectif" }).click();
    await page.getByLabel(`Objectif ${index + 1}`, { exact: true }).fill(objective.title);
    await page.getByLabel("Avancement (%)").nth(index).fill(objective.progress);
  }
  await page.getByRole("button", { name: "Créer la fiche" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(new RegExp(`^Fiche n°\\s\\d+ – ${title}$`));
  return page.url();
}

/** Picks in a combobox as a user does: types part of a name, waits for the suggestion (from the server, for organisations and territories), ↓ then Enter. */
export async function pickSuggestion(page: Page, label: string, typed: string, expected: string) {
  const box = page.getByRole("combobox", { name: label, exact: true });
  await box.fill(typed);
  await expect(page.getByRole("option", { name: expected })).toBeVisible();
  await box.press("ArrowDown");
  await box.press("Enter");
  await expect(box).toHaveValue(expected);
}
