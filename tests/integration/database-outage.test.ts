// A stalled database (PostgreSQL stopped with SIGSTOP: connections are accepted by the kernel
// but never answered) must not hang the app: queries fail within the pool's timeouts with an
// error the app recognises as "database unavailable", and work again once the server resumes.
// Runs on a server of its own, so that stalling it disturbs no other test file.
import path from "node:path";
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDbClient, DATABASE_TIMEOUTS, type Db } from "@/lib/db/client";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "@/lib/db/embedded";
import { DATABASE_UNAVAILABLE_DIGEST, isDatabaseUnavailable } from "@/lib/db/errors";
import { applyMigrations } from "@/lib/db/migrate";
import { freePort } from "../support/ports";
import { signalCluster } from "../support/postgres-processes";
import { makeTempDir } from "../support/temp-dir";

let dataDir: string;
let server: EmbeddedDatabase;
const clients: Db[] = [];

function client(): Db {
  const db = createDbClient(server.url);
  clients.push(db);
  return db;
}

beforeAll(async () => {
  dataDir = await makeTempDir("opencls-outage");
  server = await startEmbeddedDatabase({ dataDir, port: await freePort() });
  await applyMigrations(server.url);
});

afterAll(async () => {
  signalCluster(path.join(dataDir, "postgres"), "SIGCONT");
  await Promise.all(clients.map((db) => db.$disconnect()));
  await server?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

type Outcome = { ok: true; ms: number } | { ok: false; ms: number; error: unknown };

/** Runs `operation` and reports how it ended and after how long; gives up (as a hang) after `limitMs`. */
async function timed(operation: () => Promise<unknown>, limitMs: number): Promise<Outcome | "hung"> {
  const start = Date.now();
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<"hung">((resolve) => (timer = setTimeout(() => resolve("hung"), limitMs)));
  const outcome = operation().then(
    (): Outcome => ({ ok: true, ms: Date.now() - start }),
    (error: unknown): Outcome => ({ ok: false, ms: Date.now() - start, error }),
  );
  try {
    return await Promise.race([outcome, hung]);
  } finally {
    clearTimeout(timer);
  }
}

function expectUnavailable(outcome: Outcome | "hung", withinMs: number): void {
  expect(outcome, "the operation is still waiting: no timeout fired").not.toBe("hung");
  if (outcome === "hung") return;
  expect(outcome.ok, "the operation succeeded although the server is stopped").toBe(false);
  if (outcome.ok) return;
  expect(outcome.ms).toBeLessThan(withinMs);
  expect(isDatabaseUnavailable(outcome.error), `not classified as unavailable: ${String(outcome.error)}`).toBe(true);
  // The digest is what the error pages (app/error.tsx, app/global-error.tsx) read in the browser.
  expect((outcome.error as { digest?: string }).digest).toBe(DATABASE_UNAVAILABLE_DIGEST);
}

/** Retries `operation` until it succeeds; fails if it has not within `limitMs`. Returns how long it took. */
async function succeedsWithin(operation: () => Promise<unknown>, limitMs: number): Promise<number> {
  const start = Date.now();
  for (;;) {
    const outcome = await timed(operation, limitMs);
    if (outcome !== "hung" && outcome.ok) return Date.now() - start;
    if (Date.now() - start > limitMs)
      throw new Error(`still failing after ${limitMs} ms: ${outcome === "hung" ? "hung" : String(outcome.error)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("a stalled database", () => {
  it("fails queries within the timeouts as 'database unavailable', then recovers by itself", async () => {
    expect(DATABASE_TIMEOUTS).toEqual({ connectMs: 5_000, statementMs: 15_000 });
    const clusterDir = path.join(dataDir, "postgres");
    const warm = client();
    const fresh = client();
    expect(await warm.territory.count()).toBe(0);

    const stopped = signalCluster(clusterDir, "SIGSTOP");
    try {
      expect(stopped.length).toBeGreaterThan(1);
      const [onOpenConnection, onNewConnection, transaction, raw] = await Promise.all([
        // The warm client's pooled connection is open: its query waits for an answer that never comes.
        timed(() => warm.territory.count(), 30_000),
        // A new client must first connect: the handshake is never answered.
        timed(() => fresh.territory.findMany(), 30_000),
        timed(() => client().$transaction((tx) => tx.territory.count()), 30_000),
        timed(() => client().$queryRaw`SELECT 1`, 30_000),
      ]);
      expectUnavailable(onNewConnection, DATABASE_TIMEOUTS.connectMs + 3_000);
      expectUnavailable(transaction, DATABASE_TIMEOUTS.connectMs + 3_000);
      expectUnavailable(raw, DATABASE_TIMEOUTS.connectMs + 3_000);
      expectUnavailable(onOpenConnection, DATABASE_TIMEOUTS.statementMs + 5_000);
      // The outage is known now: a page's next queries fail at once instead of each waiting it out.
      for (const db of [warm, fresh]) {
        expectUnavailable(await timed(() => db.territory.count(), 30_000), 200);
        expectUnavailable(await timed(() => db.$transaction((tx) => tx.territory.count()), 30_000), 200);
      }
    } finally {
      signalCluster(clusterDir, "SIGCONT");
    }

    // Same clients, no restart: each notices within about a second that the database answers again.
    for (const db of [warm, fresh]) expect(await succeedsWithin(() => db.territory.count(), 3_000)).toBeLessThan(3_000);
    expect(await client().$transaction((tx) => tx.territory.count())).toBe(0);
  });

  it("cancels a statement running longer than the statement timeout, and the next query runs at once", async () => {
    const db = client();
    const slow = await timed(() => db.$queryRaw`SELECT pg_sleep(60)`, 40_000);
    expectUnavailable(slow, DATABASE_TIMEOUTS.statementMs + 2_000);
    expect(slow).toMatchObject({ ms: expect.any(Number) });
    if (slow !== "hung") expect(slow.ms).toBeGreaterThanOrEqual(DATABASE_TIMEOUTS.statementMs - 500);
    // Cancelled by the server itself (SQLSTATE 57014), not by the client giving up on the connection.
    expect(JSON.stringify((slow as { error: { meta?: unknown } }).error.meta)).toContain("57014");
    const next = await timed(() => db.territory.count(), 10_000);
    expect(next).toMatchObject({ ok: true });
    if (next !== "hung") expect(next.ms).toBeLessThan(1_000);
  });
});
