// Fail fast during an outage. Once an operation has failed because the database did not answer,
// every later operation would wait out its own timeout (5 s to connect, 15 s on a connection
// left hanging), and a page running several queries one after the other would take that many
// times longer. Instead, while an outage is known, operations fail at once, and a probe (a
// fresh connection and `SELECT 1`) runs every second until the database answers again.
import pg from "pg";
import { DatabaseUnavailableError, databaseFailure } from "./errors";

const PROBE_INTERVAL_MS = 1_000;

export type AvailabilityGuard = {
  /** Throws DatabaseUnavailableError during a known outage. */
  assertAvailable: () => void;
  /** Records a failed operation: one the server did not answer at all starts an outage. */
  failed: (error: unknown) => void;
  /** Stops probing (the client is disconnecting). */
  close: () => void;
};

export function createAvailabilityGuard(connectionString: string, connectMs: number): AvailabilityGuard {
  let outage = false;
  let closed = false;

  async function answers(): Promise<boolean> {
    const client = new pg.Client({ connectionString, connectionTimeoutMillis: connectMs, query_timeout: connectMs });
    client.on("error", () => {});
    try {
      await client.connect();
      await client.query("SELECT 1");
      return true;
    } catch {
      return false;
    } finally {
      // Not awaited: end() waits for the server's goodbye, which a stalled server never sends.
      void client.end().catch(() => {});
    }
  }

  async function probeUntilAnswered(): Promise<void> {
    while (!closed && !(await answers())) {
      // Unref'd: a probe loop never keeps a finished command-line process alive.
      await new Promise((resolve) => setTimeout(resolve, PROBE_INTERVAL_MS).unref());
    }
    outage = false;
  }

  return {
    assertAvailable() {
      if (outage) throw new DatabaseUnavailableError();
    },
    failed(error) {
      // A server that answers (a statement timeout, too many connections) is not down.
      if (outage || closed || databaseFailure(error) !== "no-answer") return;
      outage = true;
      void probeUntilAnswered();
    },
    close() {
      closed = true;
    },
  };
}
