// Two app instances on one database, as behind a load balancer: the app keeps no state of its
// own (sessions are signed cookies checked against the database, sign-in throttling and the job
// queue live in PostgreSQL). Both run the same production build, each with its job worker.
import { spawn, type ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createDbClient } from "../../lib/db/client";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../../lib/db/embedded";
import { applyMigrations } from "../../lib/db/migrate";
import { loadDemoData } from "../../lib/seed/demo-data";
import { requestSignInLink, signInOverHttp } from "../support/http-sign-in";
import { freePort } from "../support/ports";
import { expect, test } from "./fixtures";

const PASSWORD = "opencls-demo";
const COORDINATOR = "coordination@romans-sur-isere.test";

let dataDir: string;
let database: EmbeddedDatabase;
const instances: Array<{ base: string; process: ChildProcess }> = [];

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  dataDir = path.join(os.tmpdir(), `opencls-e2e-scale-out-${process.pid}`);
  await rm(dataDir, { recursive: true, force: true });
  database = await startEmbeddedDatabase({ dataDir, port: await freePort() });
  await applyMigrations(database.url);
  const db = createDbClient(database.url);
  await loadDemoData(db);
  await db.$disconnect();
  for (let index = 0; index < 2; index++) {
    const port = await freePort();
    const base = `http://localhost:${port}`;
    const child = spawn(process.execPath, ["--import", "tsx", path.resolve("lib/cli/serve.ts"), "--port", String(port)], {
      env: {
        ...process.env,
        NODE_ENV: "production",
        DATABASE_URL: database.url,
        NEXTAUTH_SECRET: "scale-out-secret-shared-by-both-instances",
        // Each instance believes it is the public address: what a load balancer's host header gives.
        NEXTAUTH_URL: base,
        OPENCLS_NEXT_DIST_DIR: ".next-e2e",
        OPENCLS_DEVELOPMENT_MODE: "1",
        NEXT_TELEMETRY_DISABLED: "1",
      },
      stdio: "ignore",
    });
    instances.push({ base, process: child });
  }
  for (const { base } of instances)
    await expect
      .poll(
        () =>
          fetch(`${base}/api/health`).then(
            (response) => response.status,
            () => 0,
          ),
        { timeout: 120_000 },
      )
      .toBe(200);
});

test.afterAll(async () => {
  for (const instance of instances) instance.process.kill("SIGTERM");
  await Promise.all(instances.map((instance) => new Promise((resolve) => instance.process.once("exit", resolve))));
  await database?.stop();
  await rm(dataDir, { recursive: true, force: true });
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
  // Three failures are free per account and address: two on one instance, one on the other…
  for (const base of [first.base, first.base, second.base])
    expect((await signInOverHttp(base, email, "wrong password")).cookie).toBeUndefined();
  const [{ count }] = await query<{ count: string }>(`SELECT count(*) FROM "SignInFailure" WHERE key = $1`, [`account:${email}`]);
  expect(Number(count)).toBe(3);
  // …and the fourth, the right password this time, must wait on either of them.
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
