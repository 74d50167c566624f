// The background job queue: pg-boss, in the application's own PostgreSQL (schema "pgboss"), so
// there is no other server to run and several app instances share one queue safely (jobs are
// fetched with SKIP LOCKED; a singleton key keeps a job from being queued twice).
import PgBoss from "pg-boss";

export const QUEUE_SCHEMA = "pgboss";

type Env = Record<string, string | undefined>;

// One client per process, shared by the HTTP server (which runs the worker) and the app's
// bundles (which only send): globalThis is the one object both see.
const globalForQueue = globalThis as unknown as { openclsQueue?: Promise<PgBoss> };

export function createQueue(connectionString: string): PgBoss {
  const boss = new PgBoss({
    connectionString,
    schema: QUEUE_SCHEMA,
    max: 4,
    // Finished jobs are kept a week for diagnosis, then deleted by pg-boss's own maintenance.
    deleteAfterDays: 7,
    // Our jobs (a mail, a purge) last seconds; one still active after this is retried.
    expireInMinutes: 15,
    retryLimit: 5,
    retryDelay: 30,
    retryBackoff: true,
  });
  boss.on("error", (error) => console.error("opencls: job queue error:", error));
  return boss;
}

/** The started queue of this process (created on first use from DATABASE_URL). */
export function getQueue(env: Env = process.env): Promise<PgBoss> {
  if (!globalForQueue.openclsQueue) {
    const url = env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start` or `npm run dev`.");
    globalForQueue.openclsQueue = createQueue(url)
      .start()
      .catch((error: unknown) => {
        globalForQueue.openclsQueue = undefined;
        throw error;
      });
  }
  return globalForQueue.openclsQueue;
}

export async function stopQueue(): Promise<void> {
  const queue = globalForQueue.openclsQueue;
  globalForQueue.openclsQueue = undefined;
  await (await queue?.catch(() => undefined))?.stop({ graceful: true, wait: true, timeout: 4_000 });
}
