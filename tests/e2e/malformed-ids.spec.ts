// Route params no record can have (an id that is not a UUID, a slug with impossible characters,
// a NUL byte, 2,000 characters) answer exactly like an unknown record: a 404 for a signed-in
// coordinator, the sign-in redirect for a visitor; never a 500 from PostgreSQL. Every page and
// route handler with a dynamic segment is found from the app folder, so a new one is covered.
import { randomBytes, randomUUID } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext, BrowserContextOptions } from "@playwright/test";
import { expect, test } from "./fixtures";
import { closedCampaignOf, createDocumentWithFile, signedAmendmentOf } from "../support/e2e-accounts";
import { signIn } from "./sign-in";
import { DEMO_CONTRACTS } from "./workspace";

const SLUG = "romans-sur-isere";
const COORDINATOR = `coordination@${SLUG}.test`;

type Param = "slug" | "contractId" | "ficheId" | "campaignId" | "amendmentId" | "documentId" | "token" | "contrat" | "numero";
/** A public fiche's URL names its contract by key ("cls-1") and the fiche by number: Romans-sur-Isère's first published one. */
const known: Record<Param, string> = {
  slug: SLUG,
  contractId: "",
  ficheId: "",
  campaignId: "",
  amendmentId: "",
  documentId: "",
  token: "",
  contrat: "cls-1",
  numero: "1",
};
/** The coordinator's session, signed in once per worker. */
let coordinatorSession: BrowserContextOptions["storageState"];

/** Values that are well formed but match no record. */
const unknown = (param: Param): string =>
  ({
    slug: "atlantide",
    contractId: randomUUID(),
    ficheId: randomUUID(),
    campaignId: randomUUID(),
    amendmentId: randomUUID(),
    documentId: randomUUID(),
    token: randomBytes(32).toString("base64url"),
    contrat: "cls-9",
    numero: "9999",
  })[param];

/** As they appear in the URL (percent-encoded where needed). */
function malformed(param: Param): string[] {
  const common = ["%00", "%E0%A4%A", "%", "%0A", "%20", "%C3%A9", "%27%20OR%201%3D1--", "a".repeat(2000)];
  switch (param) {
    case "slug":
      return [...common, `${SLUG}%00`, "Romans_Sur_Isere", "a".repeat(81)];
    case "token":
      return [...common, "court"];
    case "contrat":
      return [...common, "cls-0", "cls-1%00", "cls-01", "CLS-1", "cls-1x", "cls-", "1"];
    case "numero":
      return [...common, "0", "01", "-1", "1.5", "1e3", "1%00", "99999999999999999999"];
    default: {
      const id = known[param];
      return [
        ...common,
        "not-a-uuid",
        "1",
        "------------------------------------",
        `${id}%00`,
        `${id}x`,
        id.slice(0, -1),
        id.replaceAll("-", ""),
        `%7B${id}%7D`,
      ];
    }
  }
}

/** Every page.tsx and route.ts with a dynamic segment, as a route pattern like "/espace/[slug]". */
function dynamicRoutes(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) return dynamicRoutes(file);
    if (entry.name !== "page.tsx" && entry.name !== "route.ts") return [];
    const route = `/${path.relative("app", folder).split(path.sep).join("/")}`;
    return route.includes("[") ? [route] : [];
  });
}

const ROUTES = ["espace", "admin", "invitation", "territoires"].flatMap((folder) => dynamicRoutes(path.join("app", folder)));
const paramsOf = (route: string) => [...route.matchAll(/\[(\w+)\]/g)].map((match) => match[1] as Param);
const fill = (route: string, values: Partial<Record<Param, string>>) =>
  route.replace(/\[(\w+)\]/g, (_, name: Param) => values[name] ?? known[name]);

test.beforeAll(async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, COORDINATOR);
  await page.goto(`/espace/${SLUG}`);
  const contract = await page
    .getByRole("region", { name: "Contrats du territoire" })
    .getByRole("link", { name: DEMO_CONTRACTS[SLUG], exact: true })
    .getAttribute("href");
  known.contractId = contract!.split("/").at(-1)!;
  await page.goto(contract!);
  known.ficheId = (await page
    .getByRole("list", { name: /^Fiches actions de l’axe/ })
    .getByRole("link")
    .first()
    .getAttribute("href"))!
    .split("/")
    .at(-1)!;
  known.campaignId = await closedCampaignOf(known.contractId);
  known.amendmentId = await signedAmendmentOf(known.contractId);
  // Public, so the territory's download answers for it too.
  known.documentId = await createDocumentWithFile(known.contractId, { isPublic: true, title: "Document des identifiants malformés" });
  known.token = randomBytes(32).toString("base64url");
  coordinatorSession = await context.storageState();
  await context.close();
});

test("the app has routes with dynamic segments to check", () => {
  expect(ROUTES).toEqual(
    expect.arrayContaining([
      "/espace/[slug]",
      "/espace/[slug]/contrats/[contractId]/export.xlsx",
      "/espace/[slug]/contrats/[contractId]/fiches/[ficheId]",
      "/invitation/[token]",
      "/territoires/[slug]",
    ]),
  );
});

function isUndecodable(value: string): boolean {
  try {
    decodeURIComponent(value);
    return false;
  } catch {
    return true;
  }
}

async function status(request: APIRequestContext, target: string) {
  return (await request.get(target, { maxRedirects: 0 })).status();
}

for (const route of ROUTES) {
  test(`${route}: a malformed param answers like an unknown one`, async ({ browser }) => {
    const context = await browser.newContext({ storageState: coordinatorSession });
    const failures: string[] = [];
    for (const param of paramsOf(route)) {
      const expected = await status(context.request, fill(route, { [param]: unknown(param) }));
      // An unknown record is a 404, except an invitation link, which says it is no longer valid.
      expect(expected, `${route} with an unknown ${param}`).toBe(route === "/invitation/[token]" ? 200 : 404);
      for (const value of malformed(param)) {
        const target = fill(route, { [param]: value });
        const answer = await status(context.request, target);
        // A path no browser could have produced is refused by the server before any page.
        const wanted = isUndecodable(value) ? 404 : expected;
        if (answer !== wanted) failures.push(`${target.slice(0, 120)}: ${answer}, expected ${wanted}`);
      }
    }
    await context.close();
    expect(failures).toEqual([]);
  });
}

test("a signed-out visitor is sent to sign in, whatever the id", async ({ request }) => {
  const failures: string[] = [];
  for (const route of ROUTES.filter((route) => route.startsWith("/espace/"))) {
    for (const param of paramsOf(route)) {
      const target = fill(route, { [param]: "not-a-uuid%00" });
      const answer = await status(request, target);
      if (answer !== 307) failures.push(`${target}: ${answer}`);
    }
  }
  expect(failures).toEqual([]);
});

test("malformed audit log filters are ignored", async ({ browser }) => {
  const context = await browser.newContext({ storageState: coordinatorSession });
  for (const query of [
    "element=FicheAction:------------------------------------",
    "element=FicheAction:%00",
    "personne=%00",
    "apres=not-a-uuid",
    `apres=${randomUUID()}`,
  ]) {
    expect(await status(context.request, `/espace/${SLUG}/journal?${query}`), query).toBe(200);
  }
  await context.close();
});
