// The authorization matrix over protected pages and route handlers, shared by the matrix spec
// (tests/e2e/route-matrix.spec.ts) and the route fuzz spec: the demo accounts of each role, every
// protected route with the status each role gets on its own and a foreign territory, and the
// records the routes need, found as an admin sees them.
import type { Browser } from "@playwright/test";
import { signInAs } from "../e2e/sign-in";
import { createCommitment, closedCampaignOf, createDocumentWithFile, signedAmendmentOf } from "./e2e-accounts";
import { DEMO_CONTRACTS } from "../e2e/workspace";

export const OWN = "romans-sur-isere";
// Another region; no test reads its fiche counts (the matrix may add a fiche to it).
export const FOREIGN = "pays-ruffecois";

export type Role = "anonymous" | "admin" | "ars" | "coordinator" | "contributor" | "partner" | "national";
export const ACCOUNTS: Record<Exclude<Role, "anonymous">, string> = {
  admin: "admin@opencls.test",
  ars: "ars@auvergne-rhone-alpes.test",
  coordinator: `coordination@${OWN}.test`,
  contributor: `contribution@${OWN}.test`,
  partner: `partenaire@${OWN}.test`,
  national: "lecteur-national@opencls.test",
};

/** 200: the page; 404: refused (or unknown); signed-out visitors are sent to /connexion. */
type Expected = Record<Exclude<Role, "anonymous">, { own: 200 | 404; foreign: 200 | 404 }>;
const both = (status: 200 | 404) => ({ own: status, foreign: status });
const ownOnly = { own: 200, foreign: 404 } as const;

/** A territory as the routes need it: its slug and one of its contracts, with a fiche, a commitment and an evaluation campaign, a document and a signed amendment. */
export type Tenant = {
  slug: string;
  contractId: string;
  ficheId: string;
  commitmentId: string;
  campaignId: string;
  documentId: string;
  amendmentId: string;
};
export const tenants: Record<"own" | "foreign", Tenant> = {
  own: { slug: OWN, contractId: "", ficheId: "", commitmentId: "", campaignId: "", documentId: "", amendmentId: "" },
  foreign: { slug: FOREIGN, contractId: "", ficheId: "", commitmentId: "", campaignId: "", documentId: "", amendmentId: "" },
};
/** Each territory's partner account's organisation (prisma/seed/demo-accounts.json). */
const PARTNER_ORGANISATIONS: Record<string, string> = { [OWN]: "CPAM de la Drôme", [FOREIGN]: "Préfecture de la Charente" };
// The profiles most routes share: whoever reads the territory's workspace; its coordination; the platform's administrators.
// A national reader reads every workspace, and changes nothing.
const workspaceReaders: Expected = {
  admin: both(200),
  ars: ownOnly,
  coordinator: ownOnly,
  contributor: ownOnly,
  partner: ownOnly,
  national: both(200),
};
const coordinatorOnly: Expected = {
  admin: both(200),
  ars: both(404),
  coordinator: ownOnly,
  contributor: both(404),
  partner: both(404),
  national: both(404),
};
// Whoever may edit a fiche there: its coordination, and contributors (who pilot fiches).
const ficheEditors: Expected = {
  admin: both(200),
  ars: both(404),
  coordinator: ownOnly,
  contributor: ownOnly,
  partner: both(404),
  national: both(404),
};
// Whoever follows a region's contracts (portfolio.read): its ARS officers, administrators and national readers; not tied to a territory.
const portfolioReaders: Expected = {
  admin: both(200),
  ars: both(200),
  coordinator: both(404),
  contributor: both(404),
  partner: both(404),
  national: both(200),
};
const adminOnly: Expected = {
  admin: both(200),
  ars: both(404),
  coordinator: both(404),
  contributor: both(404),
  partner: both(404),
  national: both(404),
};
// Whoever keeps a region's list of PRS objectives (its page shows the first region they keep): regional ARS officers and administrators.
const prsListKeepers: Expected = { ...adminOnly, ars: both(200) };
/** Pages of one's own: every signed-in user has them. */
const everyone: Expected = {
  admin: both(200),
  ars: both(200),
  coordinator: both(200),
  contributor: both(200),
  partner: both(200),
  national: both(200),
};

/** Each protected route file under app/, and the status each role gets there. */
const EXPECTED: Record<string, Expected> = {
  "espace/page.tsx": everyone,
  "fiches/page.tsx": everyone,
  "engagements/page.tsx": everyone,
  // One's own notifications and e-mail preferences: every signed-in user has them.
  "notifications/page.tsx": everyone,
  "notifications/preferences/page.tsx": everyone,
  // A commitment of the territory's partner organisation: its partner reports on it, nobody else but admins.
  "engagements/[commitmentId]/page.tsx": {
    admin: both(200),
    ars: both(404),
    coordinator: both(404),
    contributor: both(404),
    partner: ownOnly,
    national: both(404),
  },
  "espace/[slug]/page.tsx": workspaceReaders,
  "espace/[slug]/membres/page.tsx": coordinatorOnly,
  "espace/[slug]/organisations/route.ts": ficheEditors,
  "espace/[slug]/journal/page.tsx": coordinatorOnly,
  "espace/[slug]/contrats/nouveau/page.tsx": coordinatorOnly,
  "espace/[slug]/contrats/[contractId]/page.tsx": workspaceReaders,
  "espace/[slug]/contrats/[contractId]/tableau-de-bord/page.tsx": workspaceReaders,
  "espace/[slug]/contrats/[contractId]/gouvernance/page.tsx": workspaceReaders,
  // Needs and actions: whoever reads the contract; preparing the next contract is its coordination's.
  "espace/[slug]/contrats/[contractId]/besoins/page.tsx": workspaceReaders,
  "espace/[slug]/contrats/[contractId]/renouveler/page.tsx": coordinatorOnly,
  // A contract's documents, and each one's file (public or not), for whoever reads the contract.
  "espace/[slug]/contrats/[contractId]/documents/page.tsx": workspaceReaders,
  "espace/[slug]/contrats/[contractId]/documents/[documentId]/route.ts": workspaceReaders,
  // The read-only pages: the agency reads and comments there, partners and contributors read.
  "espace/[slug]/contrats/[contractId]/lecture/page.tsx": workspaceReaders,
  "espace/[slug]/contrats/[contractId]/lecture/fiches/[ficheId]/page.tsx": workspaceReaders,
  // A campaign and each fiche's assessment are read by whoever reads the contract; the form is a fiche editor's.
  "espace/[slug]/contrats/[contractId]/evaluations/[campaignId]/page.tsx": workspaceReaders,
  "espace/[slug]/contrats/[contractId]/evaluations/[campaignId]/fiches/[ficheId]/page.tsx": workspaceReaders,
  "espace/[slug]/contrats/[contractId]/modifier/page.tsx": coordinatorOnly,
  "espace/[slug]/contrats/[contractId]/corbeille/page.tsx": coordinatorOnly,
  "espace/[slug]/contrats/[contractId]/fiches/nouvelle/page.tsx": coordinatorOnly,
  // The seeded fiches have no pilot account: contributors edit none of them.
  "espace/[slug]/contrats/[contractId]/fiches/[ficheId]/page.tsx": coordinatorOnly,
  "espace/[slug]/contrats/[contractId]/fiches/[ficheId]/indicateurs/page.tsx": coordinatorOnly,
  "espace/[slug]/contrats/[contractId]/fiches/[ficheId]/historique/page.tsx": coordinatorOnly,
  "espace/[slug]/contrats/[contractId]/export.xlsx/route.ts": workspaceReaders,
  "espace/[slug]/contrats/[contractId]/import/page.tsx": coordinatorOnly,
  "espace/[slug]/contrats/[contractId]/import/modele.xlsx/route.ts": coordinatorOnly,
  "espace/[slug]/contrats/[contractId]/export.pdf/route.ts": workspaceReaders,
  "espace/[slug]/contrats/[contractId]/evaluations/[campaignId]/tableau-de-bord/page.tsx": workspaceReaders,
  "espace/[slug]/contrats/[contractId]/evaluations/[campaignId]/rapport.pdf/route.ts": workspaceReaders,
  "espace/[slug]/contrats/[contractId]/evaluations/[campaignId]/rapport.docx/route.ts": workspaceReaders,
  "espace/[slug]/contrats/[contractId]/evaluations/[campaignId]/rapport.xlsx/route.ts": workspaceReaders,
  // A signed amendment and the contract as of it: whoever reads the contract (partners too: it is no draft).
  "espace/[slug]/contrats/[contractId]/avenants/[amendmentId]/page.tsx": workspaceReaders,
  "espace/[slug]/contrats/[contractId]/avenants/[amendmentId]/export.xlsx/route.ts": workspaceReaders,
  "espace/[slug]/contrats/[contractId]/avenants/[amendmentId]/export.pdf/route.ts": workspaceReaders,
  "portefeuille/page.tsx": portfolioReaders,
  "portefeuille/export.xlsx/route.ts": portfolioReaders,
  "portefeuille/objectifs-prs/page.tsx": prsListKeepers,
  "admin/page.tsx": adminOnly,
  "admin/membres/page.tsx": adminOnly,
  "admin/journal/page.tsx": adminOnly,
  "admin/territoires/[slug]/page.tsx": adminOnly,
  "admin/suggestions/territoires/route.ts": adminOnly,
  "admin/suggestions/organisations/route.ts": adminOnly,
  "admin/suggestions/referentiel/route.ts": adminOnly,
  // The end-to-end server runs in development mode (embedded database), where the mailbox exists.
  "dev/boite-mail/page.tsx": adminOnly,
};

/** A route file's URL for a tenant: its folders, with the tenant's values (or fuzzed segments) in the dynamic ones. */
const urlOf = (file: string) => (tenant: Tenant) =>
  `/${file.replace(/\/?(page\.tsx|route\.ts)$/, "").replace(/\[(slug|contractId|ficheId|commitmentId|campaignId|documentId|amendmentId)\]/g, (_, key: keyof Tenant) => tenant[key])}`;

export const ROUTES: Record<string, { path: (tenant: Tenant) => string; expected: Expected }> = Object.fromEntries(
  Object.entries(EXPECTED).map(([file, expected]) => [file, { path: urlOf(file), expected }]),
);

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
    tenant.commitmentId = await createCommitment(tenant.ficheId, PARTNER_ORGANISATIONS[tenant.slug]);
    tenant.campaignId = await closedCampaignOf(tenant.contractId);
    tenant.documentId = await createDocumentWithFile(tenant.contractId, { isPublic: false });
    tenant.amendmentId = await signedAmendmentOf(tenant.contractId);
  }
  await context.close();
}
