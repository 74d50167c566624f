// Each page sends the same number of SQL statements whatever the size of the data: measured on
// the bench's pages (tests/bench/pages.ts) over a small national dataset, then over one ten
// times larger with a contract of 120 fiches, through the server's statement counter (the one
// `npm run bench` reads).
import pg from "pg";
import { hashPassword } from "../../lib/auth/password";
import { BENCH_STATEMENTS_PATH } from "../../lib/config/bench";
import { publishUnpublishedContracts } from "../../lib/publication/publish";
import { clearDatabase } from "../../lib/seed/national/database";
import { loadNationalEvaluations } from "../../lib/seed/national/evaluations";
import { loadNationalContractLife } from "../../lib/seed/national/life";
import { loadNationalDataset, withDb } from "../../lib/seed/national/load";
import { NATIONAL_PASSWORD, NATIONAL_SIZES, readNationalPlan, type NationalSizes } from "../../lib/seed/national/plan";
import { BENCH_ACCOUNTS, benchPages, type Account } from "../bench/pages";
import { startAppInstance, type AppInstance } from "../support/app-instance";
import { startOwnDatabase, type OwnDatabase } from "../support/own-database";
import { signInOverHttp } from "../support/http-sign-in";
import { fetchRendered } from "../support/public-pages";
import { expect, test } from "./fixtures";

const SMALL: NationalSizes = { ...NATIONAL_SIZES, territories: 20, fichesPerContract: { min: 2, spread: 3 }, largestContractFiches: 3 };
const LARGE: NationalSizes = { ...NATIONAL_SIZES, territories: 200, largestContractFiches: 120 };

let database: OwnDatabase;
let app: AppInstance;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  database = await startOwnDatabase("query-counts");
  app = await startAppInstance(database.url, { OPENCLS_BENCH: "1", OPENCLS_WORKER: "off" });
});

test.afterAll(async () => {
  await app?.stop();
  await database?.stop();
});

/**
 * Loads the dataset at this size, then counts each page's statements on its second request (the
 * first may fill caches), rendered even for a public page the app keeps.
 */
async function statementsPerPage(sizes: NationalSizes): Promise<Record<string, number>> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    await clearDatabase(client);
    await loadNationalDataset(client, await readNationalPlan(), await hashPassword(NATIONAL_PASSWORD), sizes);
    await withDb(database.url, loadNationalEvaluations);
    await withDb(database.url, loadNationalContractLife);
    await withDb(database.url, publishUnpublishedContracts);
    const pages = await benchPages(client);
    const cookies: Partial<Record<Account, string>> = {};
    for (const [account, email] of Object.entries(BENCH_ACCOUNTS) as Array<[Exclude<Account, "anonymous">, string]>)
      cookies[account] = (await signInOverHttp(app.base, email, NATIONAL_PASSWORD)).cookie;
    const counter = async () => ((await (await fetch(`${app.base}${BENCH_STATEMENTS_PATH}`)).json()) as { statements: number }).statements;
    const counts: Record<string, number> = {};
    for (const page of pages) {
      const init: RequestInit = { headers: cookies[page.account] ? { cookie: cookies[page.account]! } : {}, redirect: "manual" };
      expect((await fetch(`${app.base}${page.path}`, init)).status, page.name).toBe(200);
      const before = await counter();
      await (await fetchRendered(database.url, `${app.base}${page.path}`, init)).arrayBuffer();
      counts[page.name] = (await counter()) - before;
    }
    return counts;
  } finally {
    await client.end();
  }
}

test("every measured page sends as many SQL statements with ten times the data", async () => {
  test.setTimeout(240_000);
  const small = await statementsPerPage(SMALL);
  const large = await statementsPerPage(LARGE);
  expect(large).toEqual(small);
  // The empty page reads nothing: the counter counts the app's statements, not nothing.
  expect(small["Page vide"]).toBe(0);
  expect(small["Contrat"]).toBeGreaterThan(0);
});
