// A database of its own for one test file: migrated (cloned from the template) or empty.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, inject } from "vitest";
import { disconnectDb } from "@/lib/db/client";
import { withDatabase } from "@/lib/db/connection-url";
import { TEMPLATE_DATABASE } from "./template";

export type TestDatabase = { name: string; url: string; drop: () => Promise<void> };

export async function createTestDatabase({ migrated = true }: { migrated?: boolean } = {}): Promise<TestDatabase> {
  const adminUrl = inject("adminDatabaseUrl");
  const name = `test_${randomUUID().replaceAll("-", "").slice(0, 20)}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${name}" TEMPLATE "${migrated ? TEMPLATE_DATABASE : "template0"}"`);
  return {
    name,
    url: withDatabase(adminUrl, name),
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Gives the test file a fresh migrated database and points the app's client (lib/db/client.ts)
 * at it; dropped after the file. Call at the top level of a test file.
 */
export function setupAppDatabase(): () => TestDatabase {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    process.env.DATABASE_URL = database.url;
  });
  afterAll(async () => {
    await disconnectDb();
    await database?.drop();
  });
  return () => {
    if (!database) throw new Error("setupAppDatabase(): the database exists once beforeAll has run");
    return database;
  };
}
