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

  it("turn a partner's role held for an organisation alone into one per territory where it takes part", async () => {
    const previous = await createTestDatabase({ migrated: false });
    const client = new pg.Client({ connectionString: previous.url });
    try {
      await applyMigrations(previous.url, MIGRATIONS_DIR, { upTo: "20261202090000_session_version_and_known_addresses" });
      await client.connect();
      const one = async (sql: string, values: unknown[] = []) => (await client.query<{ id: string }>(sql, values)).rows[0].id;
      const region = await one(
        `INSERT INTO "Region" ("inseeCode", slug, name, "updatedAt") VALUES ('84', 'ara', 'Auvergne-Rhône-Alpes', now()) RETURNING id`,
      );
      const territory = (slug: string) =>
        one(`INSERT INTO "Territory" (slug, name, kind, "regionId", "updatedAt") VALUES ($1, $1, 'commune', $2, now()) RETURNING id`, [
          slug,
          region,
        ]);
      const signed = await territory("romans");
      // A territory where the organisation takes no part: no role there.
      await territory("ailleurs");
      const organisation = await one(
        `INSERT INTO "Organisation" (slug, name, kind, "updatedAt") VALUES ('cpam', 'CPAM', 'cpam', now()) RETURNING id`,
      );
      const contract = await one(`INSERT INTO "Contract" ("territoryId", title, "updatedAt") VALUES ($1, 'CLS', now()) RETURNING id`, [
        signed,
      ]);
      await client.query(`INSERT INTO "Signatory" ("contractId", "organisationId", position, "updatedAt") VALUES ($1, $2, 1, now())`, [
        contract,
        organisation,
      ]);
      const user = await one(`INSERT INTO "User" (email, "updatedAt") VALUES ('partenaire@exemple.test', now()) RETURNING id`);
      await client.query(`INSERT INTO "Membership" ("userId", role, "organisationId", "updatedAt") VALUES ($1, 'partner', $2, now())`, [
        user,
        organisation,
      ]);

      expect(await applyMigrations(previous.url)).toContain("20261206100000_partner_reports");
      const { rows } = await client.query(
        `SELECT role, "regionId", "territoryId", "organisationId" FROM "Membership" WHERE "userId" = $1`,
        [user],
      );
      expect(rows).toEqual([{ role: "partner", regionId: null, territoryId: signed, organisationId: organisation }]);
      // From now on, the database itself refuses a partner without their territory.
      await expect(
        client.query(`INSERT INTO "Membership" ("userId", role, "organisationId", "updatedAt") VALUES ($1, 'partner', $2, now())`, [
          user,
          organisation,
        ]),
      ).rejects.toThrow(/Membership_scope_check/);
    } finally {
      await client.end();
      await previous.drop();
    }
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
