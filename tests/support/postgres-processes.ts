// The processes of an embedded PostgreSQL cluster, found through /proc (Linux): tests stall a
// server (SIGSTOP), resume it, kill it, and check that none of its processes is left.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** The postmaster's pid, from the first line of the cluster's postmaster.pid; null when absent. */
export function postmasterPid(clusterDir: string): number | null {
  const file = path.join(clusterDir, "postmaster.pid");
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, "utf8").split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

function processIds(): number[] {
  return readdirSync("/proc")
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number);
}

/** State and parent of a process, from /proc/<pid>/stat ("pid (comm) state ppid …"; comm may hold spaces). */
function statOf(pid: number): { state: string; parent: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const [state, parent] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { state, parent: Number(parent) };
  } catch {
    return null;
  }
}

function parentOf(pid: number): number | null {
  return statOf(pid)?.parent ?? null;
}

/** True while the process exists and is not a zombie (a zombie is gone for every purpose here). */
export function isAlive(pid: number): boolean {
  const stat = statOf(pid);
  return stat !== null && stat.state !== "Z";
}

/** The postmaster and its children (backends, checkpointer, walwriter…). */
export function clusterProcesses(clusterDir: string): number[] {
  const postmaster = postmasterPid(clusterDir);
  if (!postmaster || !isAlive(postmaster)) return [];
  return [postmaster, ...processIds().filter((pid) => parentOf(pid) === postmaster)];
}

/** Every live PostgreSQL server process started with `-D clusterDir`, whoever started it. */
export function postmastersServing(clusterDir: string): number[] {
  return processIds().filter((pid) => {
    try {
      const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
      const index = argv.indexOf("-D");
      return index >= 0 && path.resolve(argv[index + 1] ?? "") === path.resolve(clusterDir) && isAlive(pid);
    } catch {
      return false;
    }
  });
}

/** Sends `signal` to the postmaster first (so it starts no new backend), then to its children. */
export function signalCluster(clusterDir: string, signal: NodeJS.Signals): number[] {
  const pids = clusterProcesses(clusterDir);
  for (const pid of pids) process.kill(pid, signal);
  return pids;
}
