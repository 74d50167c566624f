// The authorization matrix over protected pages: every role requests every protected route of
// its own territory and of a foreign one, over HTTP against the real app. A page added under a
// protected folder without a line in the table (tests/support/route-matrix.ts, shared with the
// route fuzz spec) fails the first test.
import { readdirSync } from "node:fs";
import path from "node:path";
import { ACCOUNTS, findContracts, OWN, ROUTES, tenants, type Role } from "../support/route-matrix";
import { expect, test } from "./fixtures";
import { signInAs } from "./sign-in";
import { pickSuggestion } from "./workspace";

const PROTECTED_FOLDERS = ["espace", "engagements", "fiches", "notifications", "portefeuille", "admin", "dev"];

function pagesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) return pagesUnder(file);
    return entry.name === "page.tsx" || entry.name === "route.ts" ? [file] : [];
  });
}

test.beforeAll(async ({ browser }) => findContracts(browser));

test("every protected page has a line in the matrix", () => {
  const found = PROTECTED_FOLDERS.flatMap((folder) => pagesUnder(path.join("app", folder))).map((file) =>
    path.relative("app", file).split(path.sep).join("/"),
  );
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
    await signInAs(page, email);
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
  await signInAs(page, ACCOUNTS.coordinator);
  for (const suffix of ["", "/modifier", "/corbeille", `/fiches/${tenants.foreign.ficheId}`]) {
    const response = await page.request.get(`/espace/${OWN}/contrats/${tenants.foreign.contractId}${suffix}`, { maxRedirects: 0 });
    expect(response.status()).toBe(404);
  }
});

test("a fiche id from another territory is not found under one's own contract", async ({ page }) => {
  await signInAs(page, ACCOUNTS.coordinator);
  const response = await page.request.get(`/espace/${OWN}/contrats/${tenants.own.contractId}/fiches/${tenants.foreign.ficheId}`, {
    maxRedirects: 0,
  });
  expect(response.status()).toBe(404);
});

test("partner: a draft contract their organisation signs is not found, nor its exports, nor the territory it opens", async ({
  browser,
}) => {
  // The coordination of another territory drafts a contract that the partner's organisation will sign.
  const coordination = await browser.newContext();
  const coordinator = await coordination.newPage();
  await signInAs(coordinator, "coordination@rosny-sous-bois.test");
  await coordinator.goto("/espace/rosny-sous-bois/contrats/nouveau");
  await coordinator.getByLabel("Titre").fill("Contrat local de santé de Rosny-sous-Bois (projet)");
  await coordinator.getByRole("button", { name: "Ajouter un signataire" }).click();
  await pickSuggestion(coordinator, "Signataire 1", "cpam drome", "CPAM de la Drôme");
  await coordinator.getByRole("button", { name: "Créer le contrat" }).click();
  await expect(coordinator.getByRole("heading", { level: 1 })).toHaveText("Contrat local de santé de Rosny-sous-Bois (projet)");
  const draft = new URL(coordinator.url()).pathname;
  await coordination.close();

  const partnership = await browser.newContext();
  const partner = await partnership.newPage();
  await signInAs(partner, ACCOUNTS.partner);
  for (const target of [draft, `${draft}/export.xlsx`, `${draft}/export.pdf`, "/espace/rosny-sous-bois"]) {
    expect((await partner.request.get(target, { maxRedirects: 0 })).status(), target).toBe(404);
  }
  await partner.goto("/espace");
  await expect(partner.getByRole("link", { name: "Rosny-sous-Bois" })).toHaveCount(0);
  await expect(partner.getByRole("link", { name: "Romans-sur-Isère" })).toBeVisible();
  await partnership.close();
});
