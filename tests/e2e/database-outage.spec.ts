// A stalled database (PostgreSQL stopped with SIGSTOP) gives the French outage page within
// seconds, and the app recovers by itself when it resumes. The suite's app shares one
// database with every parallel spec, so this spec runs an app server of its own (the same
// production build, through OpenCLS's own server) on a database of its own.
import path from "node:path";
import { startAppInstance, type AppInstance } from "../support/app-instance";
import { startOwnDatabase, type OwnDatabase } from "../support/own-database";
import { signalCluster } from "../support/postgres-processes";
import { expectNoAxeViolations } from "./accessibility";
import { CACHE_STATUS_HEADER } from "../../lib/server/public-page-responses";
import { expect, test } from "./fixtures";

let database: OwnDatabase;
let app: AppInstance;
let baseURL: string;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  database = await startOwnDatabase("outage");
  app = await startAppInstance(database.url, { OPENCLS_WORKER: "off" });
  baseURL = app.base;
});

test.afterAll(async () => {
  if (database) signalCluster(path.join(database.dataDir, "postgres"), "SIGCONT");
  await app?.stop();
  await database?.stop();
});

test("a stalled database gives a French outage page, and the app recovers by itself", async ({ page }) => {
  test.setTimeout(120_000);
  // The home page, kept by the instance once rendered.
  await expect.poll(async () => (await page.goto(`${baseURL}/`))?.headers()[CACHE_STATUS_HEADER]).toBe("hit");

  signalCluster(path.join(database.dataDir, "postgres"), "SIGSTOP");
  try {
    // A public page kept before the outage still answers: nothing can be saved meanwhile.
    expect((await page.goto(`${baseURL}/`))?.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Les contrats locaux de santé, en clair");
    // The first request that needs the database waits out the statement timeout (15 s) on its
    // open connection…
    const started = Date.now();
    const response = await page.goto(`${baseURL}/territoires/romans-sur-isere`, { timeout: 40_000 });
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
    signalCluster(path.join(database.dataDir, "postgres"), "SIGCONT");
  }

  // No restart: the retry link works as soon as the database answers again.
  await expect(async () => {
    await page.getByRole("link", { name: "Réessayer" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Les contrats locaux de santé, en clair", { timeout: 2_000 });
  }).toPass({ timeout: 20_000 });
});
