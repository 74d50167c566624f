// A stalled database (PostgreSQL stopped with SIGSTOP) gives the French outage page within
// seconds, and the app recovers by itself when it resumes. The suite's app shares one
// database with every parallel spec, so this spec runs an app server of its own (the same
// production build, through OpenCLS's own server) on a database of its own.
import { spawn, type ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../../lib/db/embedded";
import { applyMigrations } from "../../lib/db/migrate";
import { freePort } from "../support/ports";
import { signalCluster } from "../support/postgres-processes";
import { expectNoAxeViolations } from "./accessibility";
import { expect, test } from "./fixtures";

let dataDir: string;
let database: EmbeddedDatabase;
let app: ChildProcess;
let baseURL: string;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dataDir = path.join(os.tmpdir(), `opencls-e2e-outage-${process.pid}`);
  await rm(dataDir, { recursive: true, force: true });
  database = await startEmbeddedDatabase({ dataDir, port: await freePort() });
  await applyMigrations(database.url);
  const port = await freePort();
  baseURL = `http://localhost:${port}`;
  app = spawn(process.execPath, ["--import", "tsx", path.resolve("lib/cli/serve.ts"), "--port", String(port)], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: database.url,
      NEXTAUTH_SECRET: "outage-secret",
      NEXTAUTH_URL: baseURL,
      OPENCLS_NEXT_DIST_DIR: ".next-e2e",
      OPENCLS_WORKER: "off",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: "ignore",
  });
  await expect
    .poll(
      () =>
        fetch(`${baseURL}/api/health`).then(
          (response) => response.status,
          () => 0,
        ),
      { timeout: 120_000 },
    )
    .toBe(200);
});

test.afterAll(async () => {
  signalCluster(path.join(dataDir, "postgres"), "SIGCONT");
  app?.kill("SIGTERM");
  await database?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

test("a stalled database gives a French outage page, and the app recovers by itself", async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(`${baseURL}/`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Les contrats locaux de santé, en clair");

  signalCluster(path.join(dataDir, "postgres"), "SIGSTOP");
  try {
    // The first request waits out the statement timeout (15 s) on its open connection…
    const started = Date.now();
    const response = await page.goto(`${baseURL}/`, { timeout: 40_000 });
    expect(response?.status()).toBe(500);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Service temporairement indisponible");
    await expect(page).toHaveTitle("Service temporairement indisponible · OpenCLS");
    expect(Date.now() - started).toBeLessThan(30_000);
    await expect(page.getByText(/Error|at .*\(/)).toHaveCount(0);
    await expectNoAxeViolations(page);
    // …later ones fail at once while the outage lasts.
    const again = Date.now();
    await page.goto(`${baseURL}/?encore`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Service temporairement indisponible");
    expect(Date.now() - again).toBeLessThan(5_000);
  } finally {
    signalCluster(path.join(dataDir, "postgres"), "SIGCONT");
  }

  // No restart: the retry link works as soon as the database answers again.
  await expect(async () => {
    await page.getByRole("link", { name: "Réessayer" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Les contrats locaux de santé, en clair", { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
});
