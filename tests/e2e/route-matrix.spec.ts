// The authorization matrix over protected pages: every role requests every protected route of
// its own territory and of a foreign one, over HTTP against the real app. A page added under a
// protected folder without a line here fails the first test.
import { readdirSync } from "node:fs";
import path from "node:path";
import { expect, test, type Browser } from "./fixtures";
import { signIn } from "./sign-in";

const OWN = "romans-sur-isere";
// Another region; no test reads its fiche counts (the matrix may add a fiche to it).
const FOREIGN = "pays-ruffecois";

type Role = "anonymous" | "admin" | "ars" | "coordinator" | "contributor" | "partner";
const ACCOUNTS: Record<Exclude<Role, "anonymous">, string> = {
  admin: "admin@opencls.test",
  ars: "ars@auvergne-rhone-alpes.test",
  coordinator: `coordination@${OWN}.test`,
  contributor: `contribution@${OWN}.test`,
  partner: `partenaire@${OWN}.test`,
};

/** 200: the page; 404: refused (or unknown); signed-out visitors are sent to /connexion. */
type Expected = Record<Exclude<Role, "anonymous">, { own: 200 | 404; foreign: 200 | 404 }>;
const both = (status: 200 | 404) => ({ own: status, foreign: status });
const ownOnly = { own: 200, foreign: 404 } as const;

/** A territory as the routes need it: its slug and one of its contracts. */
type Tenant = { slug: string; contractId: string; ficheId: string };
const tenants: Record<"own" | "foreign", Tenant> = { own: { slug: OWN, contractId: "", ficheId: "" }, foreign: { slug: FOREIGN, contractId: "", ficheId: "" } };
const coordinatorOnly: Expected = { admin: both(200), ars: both(404), coordinator: ownOnly, contributor: both(404), partner: both(404) };

const ROUTES: Record<string, { path: (tenant: Tenant) => string; expected: Expected }> = {
  "espace/page.tsx": { path: () => "/espace", expected: { admin: both(200), ars: both(200), coordinator: both(200), contributor: both(200), partner: both(200) } },
  "espace/[slug]/page.tsx": { path: ({ slug }) => `/espace/${slug}`, expected: { admin: both(200), ars: ownOnly, coordinator: ownOnly, contributor: ownOnly, partner: ownOnly } },
  "espace/[slug]/membres/page.tsx": { path: ({ slug }) => `/espace/${slug}/membres`, expected: { admin: both(200), ars: both(404), coordinator: ownOnly, contributor: both(404), partner: both(404) } },
  "espace/[slug]/journal/page.tsx": { path: ({ slug }) => `/espace/${slug}/journal`, expected: { admin: both(200), ars: both(404), coordinator: ownOnly, contributor: both(404), partner: both(404) } },
  "espace/[slug]/contrats/nouveau/page.tsx": { path: ({ slug }) => `/espace/${slug}/contrats/nouveau`, expected: { admin: both(200), ars: both(404), coordinator: ownOnly, contributor: both(404), partner: both(404) } },
  "espace/[slug]/contrats/[contractId]/page.tsx": { path: ({ slug, contractId }) => `/espace/${slug}/contrats/${contractId}`, expected: { admin: both(200), ars: ownOnly, coordinator: ownOnly, contributor: ownOnly, partner: ownOnly } },
  "espace/[slug]/contrats/[contractId]/modifier/page.tsx": {
    path: ({ slug, contractId }) => `/espace/${slug}/contrats/${contractId}/modifier`,
    expected: { admin: both(200), ars: both(404), coordinator: ownOnly, contributor: both(404), partner: both(404) },
  },
  "espace/[slug]/contrats/[contractId]/corbeille/page.tsx": { path: ({ slug, contractId }) => `/espace/${slug}/contrats/${contractId}/corbeille`, expected: coordinatorOnly },
  "espace/[slug]/contrats/[contractId]/fiches/nouvelle/page.tsx": { path: ({ slug, contractId }) => `/espace/${slug}/contrats/${contractId}/fiches/nouvelle`, expected: coordinatorOnly },
  // The seeded fiches have no pilot account: contributors edit none of them.
  "espace/[slug]/contrats/[contractId]/fiches/[ficheId]/page.tsx": { path: ({ slug, contractId, ficheId }) => `/espace/${slug}/contrats/${contractId}/fiches/${ficheId}`, expected: coordinatorOnly },
  "espace/[slug]/contrats/[contractId]/fiches/[ficheId]/historique/page.tsx": {
    path: ({ slug, contractId, ficheId }) => `/espace/${slug}/contrats/${contractId}/fiches/${ficheId}/historique`,
    expected: coordinatorOnly,
  },
  "espace/[slug]/contrats/[contractId]/export.xlsx/route.ts": { path: ({ slug, contractId }) => `/espace/${slug}/contrats/${contractId}/export.xlsx`, expected: { admin: both(200), ars: ownOnly, coordinator: ownOnly, contributor: ownOnly, partner: ownOnly } },
  "espace/[slug]/contrats/[contractId]/import/page.tsx": { path: ({ slug, contractId }) => `/espace/${slug}/contrats/${contractId}/import`, expected: coordinatorOnly },
  "espace/[slug]/contrats/[contractId]/import/modele.xlsx/route.ts": { path: ({ slug, contractId }) => `/espace/${slug}/contrats/${contractId}/import/modele.xlsx`, expected: coordinatorOnly },
  "espace/[slug]/contrats/[contractId]/export.pdf/route.ts": { path: ({ slug, contractId }) => `/espace/${slug}/contrats/${contractId}/export.pdf`, expected: { admin: both(200), ars: ownOnly, coordinator: ownOnly, contributor: ownOnly, partner: ownOnly } },
  "admin/page.tsx": { path: () => "/admin", expected: { admin: both(200), ars: both(404), coordinator: both(404), contributor: both(404), partner: both(404) } },
  "admin/membres/page.tsx": { path: () => "/admin/membres", expected: { admin: both(200), ars: both(404), coordinator: both(404), contributor: both(404), partner: both(404) } },
  "admin/journal/page.tsx": { path: () => "/admin/journal", expected: { admin: both(200), ars: both(404), coordinator: both(404), contributor: both(404), partner: both(404) } },
  // The end-to-end server runs in development mode (embedded database), where the mailbox exists.
  "dev/boite-mail/page.tsx": { path: () => "/dev/boite-mail", expected: { admin: both(200), ars: both(404), coordinator: both(404), contributor: both(404), partner: both(404) } },
};

const PROTECTED_FOLDERS = ["espace", "admin", "dev"];

function pagesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) return pagesUnder(file);
    return entry.name === "page.tsx" || entry.name === "route.ts" ? [file] : [];
  });
}

/** The contract ids come from the workspace pages, as an admin sees them. */
async function findContracts(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, ACCOUNTS.admin);
  for (const tenant of Object.values(tenants)) {
    await page.goto(`/espace/${tenant.slug}`);
    const href = await page.getByRole("region", { name: "Contrats du territoire" }).getByRole("link").first().getAttribute("href");
    tenant.contractId = href!.split("/").at(-1)!;
    // A fiche of the contract: the first listed, or one created for the test when the demo
    // contract records none.
    await page.goto(href!);
    const fiches = page.getByRole("list", { name: /^Fiches actions de l’axe/ }).getByRole("link");
    if ((await fiches.count()) === 0) {
      await page.getByRole("link", { name: "Nouvelle fiche action" }).click();
      await page.getByLabel("Intitulé", { exact: true }).fill("Fiche de la matrice d’autorisation");
      await page.getByRole("button", { name: "Créer la fiche" }).click();
      await page.waitForURL(/\/fiches\/[0-9a-f-]{36}$/);
      tenant.ficheId = page.url().split("/").at(-1)!;
    } else {
      tenant.ficheId = (await fiches.first().getAttribute("href"))!.split("/").at(-1)!;
    }
  }
  await context.close();
}

test.beforeAll(async ({ browser }) => findContracts(browser));

test("every protected page has a line in the matrix", () => {
  const found = PROTECTED_FOLDERS.flatMap((folder) => pagesUnder(path.join("app", folder))).map((file) => path.relative("app", file).split(path.sep).join("/"));
  expect(found.sort()).toEqual(Object.keys(ROUTES).sort());
});

test("signed-out visitors are sent to the sign-in page, and come back after", async ({ request }) => {
  for (const route of Object.values(ROUTES)) {
    const target = route.path(tenants.own);
    const response = await request.get(target, { maxRedirects: 0 });
    expect(response.status(), target).toBe(307);
    const location = new URL(response.headers().location, "http://localhost");
    expect(location.pathname + location.search, target).toBe(`/connexion?callbackUrl=${encodeURIComponent(target)}`);
  }
});

for (const [role, email] of Object.entries(ACCOUNTS) as Array<[Exclude<Role, "anonymous">, string]>) {
  test(`${role}: each protected page answers as the role table says, own and foreign territory`, async ({ page }) => {
    await signIn(page, email);
    const failures: string[] = [];
    for (const route of Object.values(ROUTES)) {
      for (const side of ["own", "foreign"] as const) {
        const target = route.path(tenants[side]);
        const status = (await page.request.get(target, { maxRedirects: 0 })).status();
        if (status !== route.expected[role][side]) failures.push(`${target}: ${status}, expected ${route.expected[role][side]}`);
      }
    }
    expect(failures).toEqual([]);
  });
}

test("a contract id from another territory is not found under one's own territory", async ({ page }) => {
  await signIn(page, ACCOUNTS.coordinator);
  for (const suffix of ["", "/modifier", "/corbeille", `/fiches/${tenants.foreign.ficheId}`]) {
    const response = await page.request.get(`/espace/${OWN}/contrats/${tenants.foreign.contractId}${suffix}`, { maxRedirects: 0 });
    expect(response.status()).toBe(404);
  }
});

test("a fiche id from another territory is not found under one's own contract", async ({ page }) => {
  await signIn(page, ACCOUNTS.coordinator);
  const response = await page.request.get(`/espace/${OWN}/contrats/${tenants.own.contractId}/fiches/${tenants.foreign.ficheId}`, { maxRedirects: 0 });
  expect(response.status()).toBe(404);
});

test("partner: a draft contract their organisation signs is not found, nor its exports, nor the territory it opens", async ({ browser }) => {
  // The coordination of another territory drafts a contract that the partner's organisation will sign.
  const coordination = await browser.newContext();
  const coordinator = await coordination.newPage();
  await signIn(coordinator, "coordination@rosny-sous-bois.test");
  await coordinator.goto("/espace/rosny-sous-bois/contrats/nouveau");
  await coordinator.getByLabel("Titre").fill("Contrat local de santé de Rosny-sous-Bois (projet)");
  await coordinator.getByRole("button", { name: "Ajouter un signataire" }).click();
  await coordinator.getByLabel("Signataire 1", { exact: true }).selectOption({ label: "CPAM de la Drôme" });
  await coordinator.getByRole("button", { name: "Créer le contrat" }).click();
  await expect(coordinator.getByRole("heading", { level: 1 })).toHaveText("Contrat local de santé de Rosny-sous-Bois (projet)");
  const draft = new URL(coordinator.url()).pathname;
  await coordination.close();

  const partnership = await browser.newContext();
  const partner = await partnership.newPage();
  await signIn(partner, ACCOUNTS.partner);
  for (const target of [draft, `${draft}/export.xlsx`, `${draft}/export.pdf`, "/espace/rosny-sous-bois"]) {
    expect((await partner.request.get(target, { maxRedirects: 0 })).status(), target).toBe(404);
  }
  await partner.goto("/espace");
  await expect(partner.getByRole("link", { name: "Rosny-sous-Bois" })).toHaveCount(0);
  await expect(partner.getByRole("link", { name: "Romans-sur-Isère" })).toBeVisible();
  await partnership.close();
});
