// Two app instances on one database, as behind a load balancer: the app keeps no state of its
// own (sessions are signed cookies checked against the database, sign-in throttling and the job
// queue live in PostgreSQL). Both run the same production build, each with its job worker.
import pg from "pg";
import { createDbClient } from "../../lib/db/client";
import { loadDemoData } from "../../lib/seed/demo-data";
import { requestSignInLink, signInOverHttp } from "../support/http-sign-in";
import { startAppInstance, type AppInstance } from "../support/app-instance";
import { startOwnDatabase, type OwnDatabase } from "../support/own-database";
import { expect, test } from "./fixtures";

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
