// Two app instances on one database, as behind a load balancer: the app keeps no state of its
// own (sessions are signed cookies checked against the database, sign-in throttling and the job
// queue live in PostgreSQL; each instance's kept public pages are dropped when any instance
// saves). Both run the same production build, each with its job worker.
import pg from "pg";
import { createDbClient } from "../../lib/db/client";
import { loadDemoData } from "../../lib/seed/demo-data";
import { CACHE_STATUS_HEADER } from "../../lib/server/public-page-responses";
import { requestSignInLink, signInOverHttp } from "../support/http-sign-in";
import { startAppInstance, type AppInstance } from "../support/app-instance";
import { startOwnDatabase, type OwnDatabase } from "../support/own-database";
import { expect, test } from "./fixtures";
import { signIn } from "./sign-in";

const PASSWORD = "opencls-demo";
const COORDINATOR = "coordination@romans-sur-isere.test";

let database: OwnDatabase;
const instances: AppInstance[] = [];

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  database = await startOwnDatabase("scale-out");
  const db = createDbClient(database.url);
  await loadDemoData(db);
  await db.$disconnect();
  // Each instance believes it is the public address: what a load balancer's host header gives.
  instances.push(...(await Promise.all([1, 2].map(() => startAppInstance(database.url, { OPENCLS_DEVELOPMENT_MODE: "1" })))));
});

test.afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop()));
  await database?.stop();
});

async function query<Row extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query<Row>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

test("a session opened on one instance is honoured by the other", async () => {
  const [first, second] = instances;
  const signedIn = await signInOverHttp(first.base, COORDINATOR, PASSWORD);
  expect(signedIn.cookie).toBeDefined();
  const response = await fetch(`${second.base}/espace/romans-sur-isere`, { headers: { cookie: signedIn.cookie! }, redirect: "manual" });
  expect(response.status).toBe(200);
  expect(await response.text()).toContain("Romans-sur-Isère");
  // Without the cookie, the same page sends to the sign-in page.
  const anonymous = await fetch(`${second.base}/espace/romans-sur-isere`, { redirect: "manual" });
  expect(anonymous.status).toBe(307);
});

test("sign-in throttling counts the failures made on either instance", async () => {
  const [first, second] = instances;
  const email = "contribution@romans-sur-isere.test";
  const failures = () =>
    query<{ count: string }>(`SELECT count(*) FROM "SignInFailure" WHERE key = $1`, [`account:${email}`]).then(([row]) =>
      Number(row.count),
    );
  // Wrong passwords, on one instance then the other: three are free, then each waits 1 s, 2 s…
  // after the last (a refused attempt records nothing). Five failures make the next one wait 4 s.
  for (let attempt = 0; (await failures()) < 5; attempt++) {
    expect(attempt).toBeLessThan(60);
    expect((await signInOverHttp(attempt % 2 ? second.base : first.base, email, "wrong password")).cookie).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  // The right password now waits, on either instance: both read the same counters.
  for (const base of [first.base, second.base]) {
    const attempt = await signInOverHttp(base, email, PASSWORD);
    expect(attempt.cookie === undefined && attempt.error).toMatch(/^rate_limited:\d+$/);
  }
});

test("a sign-in link asked on one instance leaves once, though both instances run a job worker", async () => {
  const [first] = instances;
  const email = "ars@auvergne-rhone-alpes.test";
  expect(await requestSignInLink(first.base, email)).toBeLessThan(400);
  const sent = () =>
    query<{ count: string }>(`SELECT count(*) FROM "DevEmail" WHERE "to" = $1`, [email]).then(([row]) => Number(row.count));
  await expect.poll(sent, { timeout: 20_000 }).toBe(1);
  // Both workers poll the queue every few seconds: neither sends it a second time.
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  expect(await sent()).toBe(1);
});

const PUBLIC_PAGE = "/territoires/romans-sur-isere";

/** Fetches the page until the instance serves it from its cache (it listens a moment after it starts). */
async function keptPage(base: string): Promise<Response> {
  let response: Response | undefined;
  await expect
    .poll(async () => (response = await fetch(`${base}${PUBLIC_PAGE}`)).headers.get(CACHE_STATUS_HEADER), { timeout: 10_000 })
    .toBe("hit");
  return response!;
}

function noncesOf(html: string): Set<string> {
  return new Set([...html.matchAll(/nonce="([^"]+)"/g)].map((match) => match[1]));
}

test("a kept public page goes out with a nonce of its own, and only to anonymous visitors", async () => {
  const [, second] = instances;
  const responses = [await keptPage(second.base), await keptPage(second.base)];
  const nonces = await Promise.all(
    responses.map(async (response) => {
      const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
      expect(nonce).toBeDefined();
      // Every nonced tag of the page carries this response's nonce, and the Link header too.
      expect(noncesOf(await response.text())).toEqual(new Set([nonce]));
      expect(response.headers.get("link")).toContain(`nonce="${nonce}"`);
      expect(response.headers.get("set-cookie")).toBeNull();
      return nonce;
    }),
  );
  expect(nonces[0]).not.toBe(nonces[1]);

  const signedIn = await signInOverHttp(second.base, COORDINATOR, PASSWORD);
  const personal = await fetch(`${second.base}${PUBLIC_PAGE}`, { headers: { cookie: signedIn.cookie! } });
  expect(personal.status).toBe(200);
  expect(personal.headers.get(CACHE_STATUS_HEADER)).toBeNull();
  expect(await personal.text()).toContain("Se déconnecter");
});

test("a change saved on one instance shows at once on the public page the other had kept", async ({ browser }) => {
  const [first, second] = instances;
  expect(await (await keptPage(second.base)).text()).not.toContain("Synthèse revue pour le test");

  const context = await browser.newContext({ baseURL: first.base });
  const page = await context.newPage();
  await signIn(page, COORDINATOR, PASSWORD);
  await page.goto("/espace/romans-sur-isere");
  await page.getByRole("link", { name: "Contrat local de santé de la Ville de Romans-sur-Isère" }).first().click();
  await page.getByRole("link", { name: "Modifier le contrat" }).click();
  await page.getByLabel("Synthèse du diagnostic").fill("Synthèse revue pour le test des pages gardées.");
  await page.getByRole("button", { name: "Enregistrer" }).click();
  await expect(page.getByRole("main").getByRole("status")).toHaveText("Modifications enregistrées.");
  const saved = Date.now();
  await context.close();

  // The other instance hears of the save through PostgreSQL: its next answer is rendered anew.
  await expect
    .poll(
      async () => (await fetch(`${second.base}${PUBLIC_PAGE}`).then((response) => response.text())).includes("Synthèse revue pour le test"),
      {
        timeout: 2_000,
        intervals: [0, 50, 100],
      },
    )
    .toBe(true);
  console.log(`public page up to date on the other instance ${Date.now() - saved} ms after the save`);

  // A visitor's browser runs the kept page's scripts under its strict policy (the fixture fails
  // the test on any violation): React takes over the page, so a link navigates without reloading it.
  const visitor = await browser.newContext({ baseURL: second.base });
  const visit = await visitor.newPage();
  await keptPage(second.base);
  const response = await visit.goto(PUBLIC_PAGE);
  expect(response?.headers()[CACHE_STATUS_HEADER]).toBe("hit");
  await expect(visit.getByText("Synthèse revue pour le test des pages gardées.")).toBeVisible();
  await visit.evaluate(() => Object.assign(window, { sameDocument: true }));
  await visit.getByRole("navigation", { name: "Fil d’Ariane" }).getByRole("link", { name: "Accueil" }).click();
  await expect(visit.getByRole("heading", { level: 1 })).toHaveText("Les contrats locaux de santé, en clair");
  expect(await visit.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  await visitor.close();
});
