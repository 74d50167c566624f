import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createDbClient } from "@/lib/db/client";
import { embeddedServerAnswers, startEmbeddedDatabase } from "@/lib/db/embedded";
import { binary, packagedNativeDir } from "@/lib/db/embedded-layout";
import { prepareDatabase } from "@/lib/db/prepare";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { freePort } from "../support/ports";
import { runCli, type CliRun } from "../support/run-cli";
import { clusterProcesses, isAlive, postmasterPid, postmastersServing } from "../support/postgres-processes";
import { makeTempDir } from "../support/temp-dir";

const databases: TestDatabase[] = [];
afterAll(() => Promise.all(databases.map((database) => database.drop())));

async function emptyDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase({ migrated: false });
  databases.push(database);
  return database;
}

/** Runs `npm start`'s entry point and collects what it prints. */
/** `npm start`'s entry point on a free port, with this environment. */
async function runStart(env: Record<string, string>): Promise<CliRun> {
  return runCli("lib/cli/start.ts", [], { PORT: String(await freePort()), NEXTAUTH_SECRET: "test-secret", ...env });
}

describe("npm start", () => {
  it("stops with one line naming the unreachable database, password masked", async () => {
    const port = await freePort();
    const result = await runStart({ DATABASE_URL: `postgresql://cls:Sup3rSecret@127.0.0.1:${port}/opencls` });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(`^opencls: Cannot reach the database at postgresql://cls:\\*\\*\\*\\*@127\\.0\\.0\\.1:${port}/opencls: .*ECONNREFUSED`),
    );
    expect(result.stderr + result.stdout).not.toContain("Sup3rSecret");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("stops with one line when DATABASE_URL is set without NEXTAUTH_SECRET", async () => {
    const database = await emptyDatabase();
    const result = await runStart({ DATABASE_URL: database.url, NEXTAUTH_SECRET: "" });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      "opencls: NEXTAUTH_SECRET is required when DATABASE_URL is set (generate one with: openssl rand -base64 32).",
    );
  });

  it("stops with one line on an invalid PORT", async () => {
    const result = await runStart({ PORT: "quatre-mille" });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe('opencls: PORT must be a port number between 1 and 65535, got "quatre-mille"');
  });

  it("stops with one line naming the migration that failed and why", async () => {
    const database = await emptyDatabase();
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    await client.query(`CREATE TABLE "Region" (id int)`);
    await client.end();

    const result = await runStart({ DATABASE_URL: database.url });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toEqual([expect.stringMatching(/^opencls: Migration \d{14}_init failed: relation "Region" already exists$/)]);
  });
});

describe("database preparation", () => {
  it("migrates an external database but loads no demo data into it", async () => {
    const database = await emptyDatabase();
    const prepared = await prepareDatabase({ databaseUrl: database.url, dataDir: "/nonexistent", embeddedDatabasePort: 1 });
    expect(prepared).toMatchObject({ embedded: false, seeded: false });
    expect(prepared.appliedMigrations.length).toBeGreaterThan(0);
    const db = createDbClient(database.url);
    expect(await db.territory.count()).toBe(0);
    await db.$disconnect();
  });

  it("starts an embedded PostgreSQL, loads the demo data once, and keeps it across restarts", async () => {
    const dataDir = await makeTempDir("opencls-embedded");
    const embeddedDatabasePort = await freePort();
    try {
      const first = await prepareDatabase({ databaseUrl: undefined, dataDir, embeddedDatabasePort });
      expect(first).toMatchObject({ embedded: true, seeded: true });
      const db = createDbClient(first.url);
      const territories = await db.territory.count();
      await db.territory.update({ where: { slug: "romans-sur-isere" }, data: { description: "Ajouté avant le redémarrage" } });
      await db.$disconnect();
      await first.stop();

      const second = await prepareDatabase({ databaseUrl: undefined, dataDir, embeddedDatabasePort });
      expect(second).toMatchObject({ embedded: true, seeded: false, appliedMigrations: [] });
      const again = createDbClient(second.url);
      expect(await again.territory.count()).toBe(territories);
      expect((await again.territory.findUniqueOrThrow({ where: { slug: "romans-sur-isere" } })).description).toBe(
        "Ajouté avant le redémarrage",
      );
      await again.$disconnect();
      await second.stop();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it("joins the embedded server of its own data folder, and refuses one of another folder", async () => {
    const [ownDir, otherDir] = await Promise.all([makeTempDir("opencls-own"), makeTempDir("opencls-other")]);
    const port = await freePort();
    const running = await startEmbeddedDatabase({ dataDir: ownDir, port });
    try {
      const joined = await startEmbeddedDatabase({ dataDir: ownDir, port });
      expect(joined.owned).toBe(false);
      await expect(startEmbeddedDatabase({ dataDir: otherDir, port })).rejects.toThrow(
        `Port ${port} is taken by another embedded PostgreSQL (data in ${path.join(ownDir, "postgres")}); set OPENCLS_EMBEDDED_DB_PORT to another port.`,
      );
    } finally {
      await running.stop();
      await Promise.all([ownDir, otherDir].map((dir) => rm(dir, { recursive: true, force: true })));
    }
  });
});

/** A running `npm run dev` (lib/cli/start.ts --dev) with what it printed so far. */
type RunningApp = { child: ChildProcess; output: () => string; exited: Promise<number | null> };

function startApp(env: Record<string, string>): RunningApp {
  // NODE_ENV as `npm run dev` has it: vitest's "test" would make `next dev` add type paths to tsconfig.json.
  const child: ChildProcess = spawn(path.resolve("node_modules/.bin/tsx"), ["lib/cli/start.ts", "--dev"], {
    env: { ...process.env, NODE_ENV: "development", NEXTAUTH_SECRET: "test-secret", NEXT_TELEMETRY_DISABLED: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  return { child, output: () => output, exited: new Promise((resolve) => child.on("exit", (code: number | null) => resolve(code))) };
}

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Waits until the app serves (its server says it is ready), stops it as Ctrl-C or a supervisor would, and waits for it to exit. */
async function serveThenStop(app: RunningApp, { beforeStop }: { beforeStop?: () => Promise<void> } = {}): Promise<void> {
  await waitFor(() => /opencls: ready on/.test(app.output()) || app.child.exitCode !== null, "the app to serve", 150_000);
  expect(app.output()).toMatch(/serving on http:\/\/localhost:\d+/);
  await beforeStop?.();
  app.child.kill("SIGTERM");
  expect(await app.exited).not.toBeNull();
}

describe("stopping the app stops the embedded PostgreSQL", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) for (const pid of postmastersServing(path.join(dir, "postgres"))) process.kill(pid, "SIGKILL");
    await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it("also when the app joined a server left running by a run that was killed", { timeout: 240_000 }, async () => {
    const dataDir = await makeTempDir("opencls-orphan");
    dirs.push(dataDir);
    const clusterDir = path.join(dataDir, "postgres");
    const dbPort = await freePort();
    const env = { OPENCLS_DATA_DIR: dataDir, OPENCLS_EMBEDDED_DB_PORT: String(dbPort) };

    // A run that started the server and was killed (SIGKILL) before it could stop it.
    const crashed = spawn(process.execPath, ["--import", "tsx", "tests/support/start-embedded.ts"], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((resolve) => crashed.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve()));
    crashed.kill("SIGKILL");
    await new Promise((resolve) => crashed.on("exit", resolve));
    expect(postmastersServing(clusterDir)).toHaveLength(1);

    const app = startApp({ ...env, PORT: String(await freePort()) });
    await serveThenStop(app);
    await waitFor(() => postmastersServing(clusterDir).length === 0, "the postmaster to stop", 30_000).catch(() => {});
    expect(postmastersServing(clusterDir), app.output()).toEqual([]);
  });

  it("also after its postmaster was killed and started again meanwhile", { timeout: 240_000 }, async () => {
    const dataDir = await makeTempDir("opencls-restarted");
    dirs.push(dataDir);
    const clusterDir = path.join(dataDir, "postgres");
    const dbPort = await freePort();

    const app = startApp({ OPENCLS_DATA_DIR: dataDir, OPENCLS_EMBEDDED_DB_PORT: String(dbPort), PORT: String(await freePort()) });
    await serveThenStop(app, {
      beforeStop: async () => {
        // The postmaster dies (an operator's kill -9, the OOM killer), then someone starts it again by hand.
        const processes = clusterProcesses(clusterDir);
        process.kill(postmasterPid(clusterDir)!, "SIGKILL");
        await waitFor(() => processes.every((pid) => !isAlive(pid)), "the old server processes to exit", 30_000);
        const asPostgres =
          process.getuid?.() === 0
            ? { uid: Number(execFileSync("id", ["-u", "postgres"])), gid: Number(execFileSync("id", ["-g", "postgres"])) }
            : {};
        spawn(binary(packagedNativeDir(), "postgres"), ["-D", clusterDir, "-p", String(dbPort), "-c", "listen_addresses=127.0.0.1"], {
          ...asPostgres,
          cwd: "/",
          detached: true,
          stdio: "ignore",
        }).unref();
        await waitFor(() => embeddedServerAnswers(dbPort), "the restarted server to answer", 30_000);
        expect(postmastersServing(clusterDir)).toHaveLength(1);
      },
    });
    await waitFor(() => postmastersServing(clusterDir).length === 0, "the postmaster to stop", 30_000).catch(() => {});
    expect(postmastersServing(clusterDir), app.output()).toEqual([]);
  });
});
