import { createHash } from "node:crypto";
import { appendFile, cp, readFile, rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, MIGRATIONS_DIR, readMigrations } from "@/lib/db/migrate";
import { createTestDatabase, type TestDatabase } from "../support/database";
import { shapeFromDatabase, shapeFromSchema } from "../support/schema-shape";
import { makeTempDir } from "../support/temp-dir";

let database: TestDatabase;
let applied: string[];

beforeAll(async () => {
  database = await createTestDatabase({ migrated: false });
  applied = await applyMigrations(database.url);
});

afterAll(() => database.drop());

describe("migrations", () => {
  it("build exactly the database that schema.prisma describes", async () => {
    const [expected, actual] = await Promise.all([shapeFromSchema(), shapeFromDatabase(database.url)]);
    expect(Object.keys(actual.tables).sort()).toEqual(Object.keys(expected.tables).sort());
    for (const table of Object.keys(expected.tables)) {
      expect({ table, columns: actual.tables[table] }).toEqual({ table, columns: expected.tables[table] });
    }
    expect(actual.enums).toEqual(expected.enums);
    expect(actual.indexes).toEqual(expected.indexes);
    expect(actual.foreignKeys).toEqual(expected.foreignKeys);
    expect(expected.indexes.length).toBeGreaterThan(40);
    expect(expected.foreignKeys.length).toBeGreaterThan(30);
  });

  it("are recorded in _prisma_migrations the way Prisma records them", async () => {
    const migrations = await readMigrations();
    expect(applied).toEqual(migrations.map((migration) => migration.name));

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query(
      `SELECT migration_name, checksum, finished_at, rolled_back_at, applied_steps_count, logs FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    await client.end();

    const first = migrations[0];
    const fileChecksum = createHash("sha256")
      .update(await readFile(path.join(MIGRATIONS_DIR, first.name, "migration.sql")))
      .digest("hex");
    expect(rows[0]).toMatchObject({
      migration_name: first.name,
      checksum: fileChecksum,
      rolled_back_at: null,
      applied_steps_count: 1,
      logs: null,
    });
    expect(rows[0].finished_at).toBeInstanceOf(Date);
    expect(rows).toHaveLength(migrations.length);
  });

  it("apply nothing the second time", async () => {
    expect(await applyMigrations(database.url)).toEqual([]);
  });

  it("refuse to run when an applied migration's file was edited", async () => {
    const dir = await makeTempDir("opencls-migrations");
    try {
      await cp(MIGRATIONS_DIR, dir, { recursive: true });
      const [first] = await readMigrations();
      await appendFile(path.join(dir, first.name, "migration.sql"), "\n-- edited afterwards\n");
      await expect(applyMigrations(database.url, dir)).rejects.toThrow(
        `Migration ${first.name} was changed after it was applied (checksum differs): restore the file and put the change in a new migration.`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("keep Prisma's folder layout with a lock file", async () => {
    const lock = await readFile(path.join(MIGRATIONS_DIR, "migration_lock.toml"), "utf8");
    expect(lock).toMatch(/provider = "postgresql"/);
    for (const migration of await readMigrations()) expect(migration.name).toMatch(/^\d{14}_[a-z0-9_]+$/);
  });
});
