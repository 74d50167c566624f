// Applies prisma/migrations/*/migration.sql with plain `pg`, recording each one in
// `_prisma_migrations` exactly as `prisma migrate deploy` does (checksum = sha256 of the
// file), so either tool can take over a database the other migrated. Prisma's native
// migration engine is not needed (see docs/adr/0002-migrations-without-prisma-engine.md).
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { redactSecrets } from "./connection-url";
import { StartupError } from "@/lib/config/startup-error";

export const MIGRATIONS_DIR = path.resolve(import.meta.dirname, "../../prisma/migrations");
// The advisory lock key Prisma Migrate uses, so the two never run concurrently.
const PRISMA_MIGRATE_LOCK = 72707369;

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export type Migration = { name: string; sql: string; checksum: string };

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

/**
 * Applies pending migrations in order, each in its own transaction, up to `upTo` included when
 * given (a restore recreates the schema its backup was taken at). Returns the names applied.
 */
export async function applyMigrations(connectionString: string, dir = MIGRATIONS_DIR, { upTo }: { upTo?: string } = {}): Promise<string[]> {
  const migrations = (await readMigrations(dir)).filter((migration) => upTo === undefined || migration.name <= upTo);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [PRISMA_MIGRATE_LOCK]);
    await client.query(CREATE_MIGRATIONS_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
    );
    const unfinished = rows.find((row) => row.finished_at === null);
    if (unfinished) {
      throw new StartupError(
        `Migration ${unfinished.migration_name} is recorded as started but not finished; repair the database, then mark it rolled back in _prisma_migrations.`,
      );
    }
    // An applied migration is history: editing its file would leave databases that differ.
    const edited = rows.find((row) => migrations.some((m) => m.name === row.migration_name && m.checksum !== row.checksum));
    if (edited) {
      throw new StartupError(
        `Migration ${edited.migration_name} was changed after it was applied (checksum differs): restore the file and put the change in a new migration.`,
      );
    }
    const done = new Set(rows.map((row) => row.migration_name));
    const applied: string[] = [];
    for (const migration of migrations.filter((m) => !done.has(m.name))) {
      await applyOne(client, migration, connectionString);
      applied.push(migration.name);
    }
    return applied;
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_MIGRATE_LOCK]).catch(() => {});
    await client.end();
  }
}

async function applyOne(client: pg.Client, migration: Migration, connectionString: string): Promise<void> {
  const id = randomUUID();
  await client.query(
    `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`,
    [id, migration.checksum, migration.name],
  );
  try {
    await client.query("BEGIN");
    await client.query(migration.sql);
    await client.query(`UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1`, [id]);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    const reason = redactSecrets(error instanceof Error ? error.message : String(error), connectionString);
    // The transaction undid the migration, so record it as rolled back: the next run retries it.
    await client.query(`UPDATE "_prisma_migrations" SET logs = $2, rolled_back_at = now() WHERE id = $1`, [id, reason]);
    throw new StartupError(`Migration ${migration.name} failed: ${reason}`);
  }
}
