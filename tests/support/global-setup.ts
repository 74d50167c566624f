// Starts one embedded PostgreSQL for the integration run and migrates a template database;
// each test file then clones its own database from it (tests/support/database.ts), so tests
// never touch the development data and never see each other's rows.
import { rm } from "node:fs/promises";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { withDatabase } from "@/lib/db/connection-url";
import { embeddedUrl, startEmbeddedDatabase } from "@/lib/db/embedded";
import { applyMigrations } from "@/lib/db/migrate";
import { TEMPLATE_DATABASE } from "./template";
import { freePort } from "./ports";
import { makeTempDir } from "./temp-dir";

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = await makeTempDir("opencls-test-db");
  const port = await freePort();
  const server = await startEmbeddedDatabase({ dataDir, port });
  const adminUrl = embeddedUrl(port, "postgres");

  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${TEMPLATE_DATABASE}"`);
  await admin.end();
  await applyMigrations(withDatabase(adminUrl, TEMPLATE_DATABASE));

  project.provide("adminDatabaseUrl", adminUrl);
  return async () => {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  };
}
