// Brings the database to a usable state before the app starts: picks the external server
// (DATABASE_URL) or starts the embedded one, checks it answers, applies pending migrations,
// and loads the demo data into an empty embedded database. Commands that must not migrate
// (backup, restore) only connect.
import pg from "pg";
import { applyDataMigrations } from "./data-migrations";
import type { ServerConfig } from "@/lib/config/server-config";
import { loadDemoData } from "@/lib/seed/demo-data";
import { createDbClient } from "./client";
import { assertConnectionUrl, maskPassword, redactSecrets } from "./connection-url";
import { startEmbeddedDatabase } from "./embedded";
import type { LayoutOptions } from "./embedded-layout";
import { StartupError } from "@/lib/config/startup-error";
import { applyMigrations } from "./migrate";

export type PreparedDatabase = {
  url: string;
  embedded: boolean;
  appliedMigrations: string[];
  seeded: boolean;
  stop: () => Promise<void>;
};

type ConnectOptions = Pick<ServerConfig, "databaseUrl" | "dataDir" | "embeddedDatabasePort"> & {
  log?: (line: string) => void;
  /** Where the embedded server's binaries are and where to relocate them (tests). */
  embeddedLayout?: Pick<LayoutOptions, "nativeDir" | "sharedRoot">;
};

type Options = ConnectOptions & {
  /** Load the demo data when the database holds no territory (default: only for the embedded database). */
  seedWhenEmpty?: boolean;
};

export type ConnectedDatabase = Pick<PreparedDatabase, "url" | "embedded" | "stop">;

/** DATABASE_URL, or the embedded database (started, or joined when already running), once it answers. */
export async function connectDatabase(options: ConnectOptions): Promise<ConnectedDatabase> {
  const log = options.log ?? (() => {});
  if (options.databaseUrl) assertConnectionUrl(options.databaseUrl);
  const embedded = options.databaseUrl
    ? undefined
    : await startEmbeddedDatabase({ ...options.embeddedLayout, dataDir: options.dataDir, port: options.embeddedDatabasePort });
  const url = options.databaseUrl ?? embedded!.url;
  try {
    await checkConnection(url);
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  if (embedded) log(`Embedded PostgreSQL ready (${embedded.relocation ?? `data in ${options.dataDir}`})`);
  else log(`Using database ${maskPassword(url)}`);
  return { url, embedded: Boolean(embedded), stop: embedded?.stop ?? (async () => {}) };
}

export async function prepareDatabase(options: Options): Promise<PreparedDatabase> {
  const log = options.log ?? (() => {});
  const database = await connectDatabase(options);
  const { url, embedded } = database;
  try {
    const appliedMigrations = await applyMigrations(url);
    if (appliedMigrations.length) log(`Applied migrations: ${appliedMigrations.join(", ")}`);
    const dataMigrations = await applyDataMigrations(url);
    if (dataMigrations.length) log(`Applied data migrations: ${dataMigrations.join(", ")}`);
    const seeded = (options.seedWhenEmpty ?? embedded) && (await seedIfEmpty(url));
    if (seeded) log("Loaded the demo data (five real contracts and the fictional Territoire de démonstration)");
    return { ...database, appliedMigrations, seeded };
  } catch (error) {
    await database.stop();
    throw error;
  }
}

async function checkConnection(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    const reason = error instanceof Error ? error.message || (error as NodeJS.ErrnoException).code : String(error);
    throw new StartupError(`Cannot reach the database at ${maskPassword(url)}: ${redactSecrets(String(reason), url)}`);
  } finally {
    await client.end().catch(() => {});
  }
}

async function seedIfEmpty(url: string): Promise<boolean> {
  const db = createDbClient(url);
  try {
    if ((await db.territory.count()) > 0) return false;
    await loadDemoData(db);
    return true;
  } finally {
    await db.$disconnect();
  }
}
