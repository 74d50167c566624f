import { spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { createDbClient } from "@/lib/db/client";
import { startEmbeddedDatabase } from "@/lib/db/embedded";
import { prepareDatabase } from "@/lib/db/prepare";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { freePort } from "../support/ports";
import { makeTempDir } from "../support/temp-dir";

const databases: TestDatabase[] = [];
afterAll(() => Promise.all(databases.map((database) => database.drop())));

async function emptyDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase({ migrated: false });
  databases.push(database);
  return database;
}

/** Runs `npm start`'s entry point and collects what it prints. */
async function runStart(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const port = String(await freePort());
  return new Promise((resolve) => {
    const child = spawn(path.resolve("node_modules/.bin/tsx"), ["lib/cli/start.ts"], {
      env: { ...process.env, PORT: port, NEXTAUTH_SECRET: "test-secret", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("exit", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("npm start", () => {
  it("stops with one line naming the unreachable database, password masked", async () => {
    const port = await freePort();
    const result = await runStart({ DATABASE_URL: `postgresql://cls:Sup3rSecret@127.0.0.1:${port}/opencls` });
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^opencls: Cannot reach the database at postgresql://cls:\\*\\*\\*\\*@127\\.0\\.0\\.1:${port}/opencls: .*ECONNREFUSED`));
    expect(result.stderr + result.stdout).not.toContain("Sup3rSecret");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("stops with one line when DATABASE_URL is set without NEXTAUTH_SECRET", async () => {
    const database = await emptyDatabase();
    const result = await runStart({ DATABASE_URL: database.url, NEXTAUTH_SECRET: "" });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe("opencls: NEXTAUTH_SECRET is required when DATABASE_URL is set (generate one with: openssl rand -base64 32).");
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
      await db.territory.update({ where: { slug: "romans-sur-isere" }, data: { description: "Ajouté avant le redémarrage" } });
      await db.$disconnect();
      await first.stop();

      const second = await prepareDatabase({ databaseUrl: undefined, dataDir, embeddedDatabasePort });
      expect(second).toMatchObject({ embedded: true, seeded: false, appliedMigrations: [] });
      const again = createDbClient(second.url);
      expect(await again.territory.count()).toBe(5);
      expect((await again.territory.findUniqueOrThrow({ where: { slug: "romans-sur-isere" } })).description).toBe("Ajouté avant le redémarrage");
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
