// Where the national dataset lives: never in the demo database. Without DATABASE_URL, an
// embedded PostgreSQL of its own (folder .data-national, port 54339), so that `npm start` keeps
// the five demo contracts; with DATABASE_URL, a database that holds nothing else.
import path from "node:path";
import type pg from "pg";
import type { ServerConfig } from "@/lib/config/server-config";
import { StartupError } from "@/lib/config/startup-error";
import { NATIONAL_EMAIL_DOMAIN, NATIONAL_TERRITORY_PREFIX } from "./plan";

export const NATIONAL_DATA_DIR = ".data-national";
export const NATIONAL_EMBEDDED_PORT = 54339;

/** The server configuration with the embedded database moved to the national dataset's own folder and port. */
export function nationalConfig(config: ServerConfig, env: NodeJS.ProcessEnv = process.env): ServerConfig {
  if (config.databaseUrl) return config;
  return {
    ...config,
    dataDir: path.resolve(env.OPENCLS_NATIONAL_DATA_DIR ?? NATIONAL_DATA_DIR),
    embeddedDatabasePort: env.OPENCLS_EMBEDDED_DB_PORT ? config.embeddedDatabasePort : NATIONAL_EMBEDDED_PORT,
  };
}

/** What the database holds: nothing, an earlier national dataset (replaced), or other data (refused). */
export async function inspectNationalTarget(client: pg.ClientBase): Promise<"empty" | "national"> {
  const { rows } = await client.query<{ territories: number; others: number }>(
    `SELECT (SELECT count(*) FROM "Territory")::int AS territories,
            ((SELECT count(*) FROM "Territory" WHERE slug NOT LIKE $1) + (SELECT count(*) FROM "User" WHERE email NOT LIKE $2))::int AS others`,
    [`${NATIONAL_TERRITORY_PREFIX}%`, `%@${NATIONAL_EMAIL_DOMAIN}`],
  );
  const [{ territories, others }] = rows;
  if (others > 0)
    throw new StartupError(
      "This database holds data other than the national dataset: refusing to load it there. Point DATABASE_URL at an empty database, or leave it unset to use the embedded one in .data-national.",
    );
  return territories > 0 ? "national" : "empty";
}

/** Empties every table of the app (not the migration history, nor the job queue's schema). */
export async function clearDatabase(client: pg.ClientBase): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`,
  );
  if (rows.length) await client.query(`TRUNCATE ${rows.map((row) => row.name).join(", ")} CASCADE`);
}
