// The authorization matrix over protected pages and route handlers, shared by the matrix spec
// (tests/e2e/route-matrix.spec.ts) and the route fuzz spec: the demo accounts of each role, every
// protected route with the status each role gets on its own and a foreign territory, and the
// records the routes need, found as an admin sees them.
import type { Browser } from "@playwright/test";
import { signInAs } from "../e2e/sign-in";
import { DEMO_CONTRACTS } from "../e2e/workspace";

export const OWN = "romans-sur-isere";
// Another region; no test reads its fiche counts (the matrix may add a fiche to it).
export const FOREIGN = "pays-ruffecois";

export type Role = "anonymous" | "admin" | "ars" | "coordinator" | "contributor" | "partner";
export const ACCOUNTS: Record<Exclude<Role, "anonymous">, string> = {
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
export type Tenant = { slug: string; contractId: string; ficheId: string };
export const tenants: Record<"own" | "foreign", Tenant> = {
  own: { slug: OWN, contractId: "", ficheId: "" },
  foreign: { slug: FOREIGN, contractId: "", ficheId: "" },
};
const coordinatorOnly: Expected = { admin: both(200), ars: both(404), coordinator: ownOnly, contributor: both(404), partner: both(404) };

export const ROUTES: Record<string, { path: (tenant: Tenant) => string; expected: Expected }> = {
  "espace/page.tsx": {
    path: () => "/espace",
    expected: { admin: both(200), ars: both(200), coordinator: both(200), contributor: both(200), partner: both(200) },
  },
  "espace/[slug]/page.tsx": {
    path: ({ slug }) => `/espace/${slug}`,
    expected: { admin: both(200), ars: ownOnly, coordinator: ownOnly, contributor: ownOnly, partner: ownOnly },
  },
  "espace/[slug]/membres/page.tsx": {
    path: ({ slug }) => `/espace/${slug}/membres`,
    expected: { admin: both(200), ars: both(404), coordinator: ownOnly, contributor: both(404), partner: both(404) },
  },
  "espace/[slug]/journal/page.tsx": {
    path: ({ slug }) => `/espace/${slug}/journal`,
    expected: { admin: both(200), ars: both(404), coordinator: ownOnly, contributor: both(404), partner: both(404) },
  },
  "espace/[slug]/contrats/nouveau/page.tsx": {
    path: ({ slug }) => `/espace/${slug}/contrats/nouveau`,
    expected: { admin: both(200), ars: both(404), coordinator: ownOnly, contributor: both(404), partner: both(404) },
  },
  "espace/[slug]/contrats/[contractId]/page.tsx": {
    path: ({ slug, contractId }) => `/espace/${slug}/contrats/${contractId}`,
    expected: { admin: both(200), ars: ownOnly, coordinator: ownOnly, contributor: ownOnly, partner: ownOnly },
  },
  "espace/[slug]/contrats/[contractId]/modifier/page.tsx": {
    path: ({ slug, contractId }) => `/espace/${slug}/contrats/${contractId}/modifier`,
    expected: { admin: both(200), ars: both(404), coordinator: ownOnly, contributor: both(404), partner: both(404) },
  },
  "espace/[slug]/contrats/[contractId]/corbeille/page.tsx": {
    path: ({ slug, contractId }) => `/espace/${slug}/contrats/${contractId}/corbeille`,
    expected: coordinatorOnly,
  },
  "espace/[slug]/contrats/[contractId]/fiches/nouvelle/page.tsx": {
    path: ({ slug, contractId }) => `/espace/${slug}/contrats/${contractId}/fiches/nouvelle`,
    expected: coordinatorOnly,
  },
  // The seeded fiches have no pilot account: contributors edit none of them.
  "espace/[slug]/contrats/[contractId]/fiches/[ficheId]/page.tsx": {
    path: ({ slug, contractId, ficheId }) => `/espace/${slug}/contrats/${contractId}/fiches/${ficheId}`,
    expected: coordinatorOnly,
  },
  "espace/[slug]/contrats/[contractId]/fiches/[ficheId]/historique/page.tsx": {
    path: ({ slug, contractId, ficheId }) => `/espace/${slug}/contrats/${contractId}/fiches/${ficheId}/historique`,
    expected: coordinatorOnly,
  },
  "espace/[slug]/contrats/[contractId]/export.xlsx/route.ts": {
    path: ({ slug, contractId }) => `/espace/${slug}/contrats/${contractId}/export.xlsx`,
    expected: { admin: both(200), ars: ownOnly, coordinator: ownOnly, contributor: ownOnly, partner: ownOnly },
  },
  "espace/[slug]/contrats/[contractId]/import/page.tsx": {
    path: ({ slug, contractId }) => `/espace/${slug}/contrats/${contractId}/import`,
    expected: coordinatorOnly,
  },
  "espace/[slug]/contrats/[contractId]/import/modele.xlsx/route.ts": {
    path: ({ slug, contractId }) => `/espace/${slug}/contrats/${contractId}/import/modele.xlsx`,
    expected: coordinatorOnly,
  },
  "espace/[slug]/contrats/[contractId]/export.pdf/route.ts": {
    path: ({ slug, contractId }) => `/espace/${slug}/contrats/${contractId}/export.pdf`,
    expected: { admin: both(200), ars: ownOnly, coordinator: ownOnly, contributor: ownOnly, partner: ownOnly },
  },
  "admin/page.tsx": {
    path: () => "/admin",
    expected: { admin: both(200), ars: both(404), coordinator: both(404), contributor: both(404), partner: both(404) },
  },
  "admin/membres/page.tsx": {
    path: () => "/admin/membres",
    expected: { admin: both(200), ars: both(404), coordinator: both(404), contributor: both(404), partner: both(404) },
  },
  "admin/journal/page.tsx": {
    path: () => "/admin/journal",
    expected: { admin: both(200), ars: both(404), coordinator: both(404), contributor: both(404), partner: both(404) },
  },
  // The end-to-end server runs in development mode (embedded database), where the mailbox exists.
  "dev/boite-mail/page.tsx": {
    path: () => "/dev/boite-mail",
    expected: { admin: both(200), ars: both(404), coordinator: both(404), contributor: both(404), partner: both(404) },
  },
};

/** The demo contracts' ids come from the workspace pages, as an admin sees them (tests add contracts beside them). */
export async function findContracts(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInAs(page, ACCOUNTS.admin);
  for (const tenant of Object.values(tenants)) {
    await page.goto(`/espace/${tenant.slug}`);
    const href = await page
      .getByRole("region", { name: "Contrats du territoire" })
      .getByRole("link", { name: DEMO_CONTRACTS[tenant.slug], exact: true })
      .getAttribute("href");
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
