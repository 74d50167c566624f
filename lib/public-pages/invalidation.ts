// Every instance drops its kept public pages when any instance saves something: the saving one
// at once, the others through PostgreSQL's LISTEN/NOTIFY, within milliseconds. Pages are kept
// only while this process is listening, so an instance that lost its connection renders every
// page until it hears again (and starts from an empty cache).
import pg from "pg";
import type { Db } from "@/lib/db/client";
import { invalidateLocally, setListening } from "./cache";

export const INVALIDATION_CHANNEL = "opencls_public_pages";

/**
 * After a successful write: what a public page shows may have changed. The coarse rule (every
 * page, on every save) keeps it right whatever the write touched; saves are rare next to reads.
 */
export async function invalidatePublicPages(db: Db): Promise<void> {
  invalidateLocally();
  try {
    await db.$executeRaw`SELECT pg_notify(${INVALIDATION_CHANNEL}, '')`;
  } catch (error) {
    // The save itself went through; other instances catch up within the cache's lifetime.
    console.error("opencls: could not tell other instances to drop their public pages:", error);
  }
}

const RETRY_MS = { first: 1_000, max: 30_000 };

/** Listens for invalidations until `stop()`; reconnects with backoff when the connection drops. */
export function listenForInvalidations(connectionString: string): { stop(): Promise<void> } {
  let client: pg.Client | undefined;
  let stopped = false;
  let retryMs = RETRY_MS.first;
  let retryTimer: NodeJS.Timeout | undefined;

  const lost = (error?: unknown) => {
    if (error) console.error("opencls: public page invalidations unheard, pages are rendered until they are back:", error);
    setListening(false);
    void client?.end().catch(() => undefined);
    client = undefined;
    if (stopped) return;
    retryTimer = setTimeout(() => void connect(), retryMs).unref();
    retryMs = Math.min(retryMs * 2, RETRY_MS.max);
  };

  const connect = async () => {
    const candidate = new pg.Client({ connectionString, connectionTimeoutMillis: 5_000, keepAlive: true });
    candidate.on("notification", () => invalidateLocally());
    candidate.on("error", (error) => client === candidate && lost(error));
    candidate.on("end", () => client === candidate && lost());
    client = candidate;
    try {
      await candidate.connect();
      await candidate.query(`LISTEN ${INVALIDATION_CHANNEL}`);
      retryMs = RETRY_MS.first;
      // Whatever was saved while nobody listened is forgotten with the pages kept before.
      setListening(true);
    } catch (error) {
      if (client === candidate) lost(error);
    }
  };

  void connect();
  return {
    async stop() {
      stopped = true;
      clearTimeout(retryTimer);
      setListening(false);
      const closing = client;
      client = undefined;
      await closing?.end().catch(() => undefined);
    },
  };
}
