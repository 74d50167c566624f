// `npm run bench`: the main pages measured on the synthetic national dataset (loaded first when
// missing: lib/cli/seed-national.ts), each against an empty page of the same app measured in
// alternating rounds with it, at 10 and 50 concurrent connections. Prints a table and writes it
// into docs/performance.md. Options: --no-build (reuse the last bench build), --seconds N (load
// per page and measurement, over every round, default 12), --rounds N (default 3), --only <page
// name substrings, separated by |>, --profile <dir> (the server writes a V8 CPU profile there when it stops: open
// it in Chrome's DevTools to see where a page's time goes).
import { spawn, type ChildProcess } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import autocannon from "autocannon";
import pg from "pg";
import { hashPassword } from "@/lib/auth/password";
import { BENCH_STATEMENTS_PATH } from "@/lib/config/bench";
import { readServerConfig } from "@/lib/config/server-config";
import { prepareDatabase } from "@/lib/db/prepare";
import { inspectNationalTarget, nationalConfig } from "@/lib/seed/national/database";
import { loadNationalEvaluations } from "@/lib/seed/national/evaluations";
import { hasNationalContractLife, loadNationalContractLife } from "@/lib/seed/national/life";
import { addNationalGeography } from "@/lib/seed/national/geography";
import { loadNationalDataset, withDb } from "@/lib/seed/national/load";
import { NATIONAL_PASSWORD, readNationalPlan } from "@/lib/seed/national/plan";
import { runCli } from "@/lib/cli/run";
import { publishUnpublishedContracts } from "@/lib/publication/publish";
import { SERVER_NODE_FLAGS } from "@/lib/server/node-flags";
import { signInOverHttp } from "../support/http-sign-in";
import { headersOf, measurePaired, type PairedMeasurement } from "./measure";
import { BENCH_ACCOUNTS, benchPages, EMPTY_PAGE, type Account, type BenchPage } from "./pages";
import { TARGETS, verdicts } from "./targets";

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const SECONDS = Number(option("--seconds") ?? 12);
const ROUNDS = Number(option("--rounds") ?? 3);
const ONLY = option("--only")?.split("|");
const BUILD = !args.includes("--no-build");
const PROFILE_DIR = option("--profile");
const PORT = Number(process.env.BENCH_PORT ?? 3900);
const BASE = `http://localhost:${PORT}`;
const DIST_DIR = ".next-bench";
const CONNECTIONS = [10, 50] as const;

runCli(async () => {
  const database = await prepareDatabase({ ...nationalConfig(readServerConfig()), seedWhenEmpty: false, log: console.log });
  let server: ChildProcess | undefined;
  try {
    const pages = await loadPages(database.url);
    if (BUILD) await run(["next", "build"], { OPENCLS_NEXT_DIST_DIR: DIST_DIR, NEXT_TELEMETRY_DISABLED: "1" });
    server = await startServer(database.url);
    const cookies = await signInAll();

    const empty = pages.find((page) => page.name === EMPTY_PAGE)!;
    const measured = pages.filter((candidate) => candidate !== empty && (!ONLY || ONLY.some((part) => candidate.name.includes(part))));
    // The server's first minute is slower for every page (JIT, heap growth): warm it all up first.
    for (const page of [empty, ...measured])
      await autocannon({ url: `${BASE}${page.path}`, connections: 10, duration: 2, headers: headersOf(cookies[page.account]) });

    const results: PairedMeasurement[] = [];
    for (const page of measured) {
      for (const connections of CONNECTIONS) {
        const options = {
          base: BASE,
          connections,
          seconds: SECONDS,
          rounds: ROUNDS,
          statementsPath: BENCH_STATEMENTS_PATH,
          databaseUrl: database.url,
        };
        const result = await measurePaired(options, { page, cookie: cookies[page.account] }, { page: empty, cookie: undefined });
        results.push(result);
        console.log(
          `${page.name} · ${connections} connections: ${result.requestsPerSecond.toFixed(1)} req/s (empty page ${result.baseline.requestsPerSecond.toFixed(1)}), p95 ${Math.round(result.p95)} ms`,
        );
      }
    }
    const table = renderTable(results);
    console.log(`\n${table}`);
    const failures = verdicts(results);
    for (const failure of failures) console.log(`✗ ${failure}`);
    if (!ONLY) await writeReport(table, failures);
    if (failures.length) process.exitCode = 1;
  } finally {
    server?.kill("SIGTERM");
    await new Promise((resolve) => (server ? server.once("exit", resolve) : resolve(null)));
    await database.stop();
  }
});

/** The pages to measure, once the national dataset is there. */
async function loadPages(url: string): Promise<BenchPage[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if ((await inspectNationalTarget(client)) === "empty") {
      console.log("Loading the national dataset first (npm run db:seed:national)…");
      const [plan, passwordHash] = await Promise.all([readNationalPlan(), hashPassword(NATIONAL_PASSWORD)]);
      await loadNationalDataset(client, plan, passwordHash);
    }
    // A dataset loaded before territories had official codes gets its départements' codes and readers once.
    if (await addNationalGeography(client, await readNationalPlan(), await hashPassword(NATIONAL_PASSWORD)))
      console.log("Added the national dataset's département codes, national reader and délégation départementale.");
    // A dataset loaded before evaluations existed gets them once (they are not idempotent).
    const { rows } = await client.query<{ campaigns: number }>(
      `SELECT count(*)::int AS campaigns FROM "EvaluationCampaign" e JOIN "Contract" c ON c.id = e."contractId"
       JOIN "Territory" t ON t.id = c."territoryId" WHERE t.slug = 'fictif-0001'`,
    );
    if (!rows[0].campaigns) {
      console.log("Adding the national dataset's evaluations…");
      await withDb(url, loadNationalEvaluations);
    }
    // A dataset loaded before amendments and documents existed gets the largest contract's once.
    if (!(await withDb(url, hasNationalContractLife))) {
      console.log("Adding the national dataset's amendment and documents…");
      await withDb(url, loadNationalContractLife);
    }
    // A dataset loaded before fiches were published gets them published once.
    const published = await withDb(url, publishUnpublishedContracts);
    if (published) console.log(`Published the national dataset's ${published} fiches.`);
    return await benchPages(client);
  } finally {
    await client.end();
  }
}

async function startServer(databaseUrl: string): Promise<ChildProcess> {
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NODE_ENV: "production" as const,
    NEXTAUTH_URL: BASE,
    NEXTAUTH_SECRET: "bench-secret-not-for-production-0123456789",
    NEXT_TELEMETRY_DISABLED: "1",
    OPENCLS_NEXT_DIST_DIR: DIST_DIR,
    OPENCLS_BENCH: "1",
    OPENCLS_WORKER: "off",
    // Every bench request comes from one address: a quota this large is counted (its cost measured) but never reached.
    OPENCLS_API_RATE_LIMIT: "1000000000",
  };
  const profile = PROFILE_DIR ? ["--cpu-prof", `--cpu-prof-dir=${PROFILE_DIR}`] : [];
  const server = spawn(
    process.execPath,
    [...SERVER_NODE_FLAGS, ...profile, "--import", "tsx", "lib/cli/serve.ts", "--port", String(PORT)],
    {
      env,
      stdio: "inherit",
    },
  );
  for (let attempt = 0; attempt < 120; attempt++) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    const ready = await fetch(`${BASE}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return server;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error("the server did not answer within a minute");
}

/** A session cookie per account, from next-auth's credentials sign-in, as the sign-in form does it. */
async function signInAll(): Promise<Record<Account, string | undefined>> {
  const cookies: Record<Account, string | undefined> = {
    anonymous: undefined,
    coordinator: undefined,
    ars: undefined,
    admin: undefined,
    partner: undefined,
  };
  for (const [account, email] of Object.entries(BENCH_ACCOUNTS) as Array<[Exclude<Account, "anonymous">, string]>) {
    const signedIn = await signInOverHttp(BASE, email, NATIONAL_PASSWORD);
    if (signedIn.cookie === undefined) throw new Error(`could not sign in as ${email} (HTTP ${signedIn.status})`);
    cookies[account] = signedIn.cookie;
  }
  return cookies;
}

function run(command: string[], env: Record<string, string>): Promise<void> {
  const bin = createRequire(import.meta.url).resolve(`${command[0]}/dist/bin/${command[0]}`);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...command.slice(1)], { env: { ...process.env, ...env }, stdio: "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${command.join(" ")} exited with code ${code}`))));
  });
}

const number = (value: number, digits = 0) =>
  value.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });

function renderTable(results: PairedMeasurement[]): string {
  const header =
    "| Page | Connections | Req/s | Empty page's req/s | Ratio to the empty page | p50 (ms) | p95 (ms) | p99 (ms) | p95 / empty page's | Errors | HTML (KiB) | SQL statements |";
  const rule = "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|";
  const rows = results.map(
    ({ baseline, ...result }) =>
      `| ${result.page.name} | ${result.connections} | ${number(result.requestsPerSecond, 1)} | ${number(baseline.requestsPerSecond, 1)} | ${number(result.requestsPerSecond / baseline.requestsPerSecond, 2)} | ${number(result.p50)} | ${number(result.p95)} | ${number(result.p99)} | ${number(result.p95 / baseline.p95, 2)} | ${result.errors} | ${number(result.htmlBytes / 1024, 1)} | ${result.statements} |`,
  );
  return [header, rule, ...rows].join("\n");
}

async function writeReport(table: string, failures: string[]): Promise<void> {
  const file = "docs/performance.md";
  const cpus = os.cpus();
  const machine = `${cpus.length} × ${cpus[0]?.model.trim() ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.versions.node}`;
  const section = [
    "<!-- bench:start -->",
    `Measured on ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${machine}: each page and the empty page in ${ROUNDS} alternating rounds, ${SECONDS} s each in all, after a warm-up.`,
    `Targets (issue 11): ${TARGETS.description}`,
    "",
    table,
    "",
    failures.length ? `Missed targets:\n${failures.map((failure) => `- ${failure}`).join("\n")}` : "Every target is met.",
    "<!-- bench:end -->",
  ].join("\n");
  const current = await readFile(file, "utf8");
  await writeFile(file, current.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, section));
  console.log(`${file} updated.`);
}
