// Kept public pages are dropped when any instance saves: through PostgreSQL's LISTEN/NOTIFY, on
// a real server, and not served at all while this process cannot hear.
import pg from "pg";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db/client";
import { currentGeneration, findPage, keepPage } from "@/lib/public-pages/cache";
import { INVALIDATION_CHANNEL, invalidatePublicPages, listenForInvalidations } from "@/lib/public-pages/invalidation";
import { setupAppDatabase } from "../support/database";

const database = setupAppDatabase();
const page = { nonce: "n", headers: {}, body: "<p>page</p>" };
let listener: ReturnType<typeof listenForInvalidations>;

async function sql(text: string, values: unknown[] = []): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: database().url });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}

/** Keeps the page as soon as the listener is connected (pages are kept only then). */
async function keepOnceListening(key: string): Promise<void> {
  await vi.waitFor(() => expect(keepPage(key, page, currentGeneration())).toBe(true), { timeout: 10_000 });
}

beforeAll(() => {
  vi.spyOn(console, "error").mockImplementation(() => undefined);
  listener = listenForInvalidations(database().url);
});
afterAll(async () => {
  await listener.stop();
  vi.restoreAllMocks();
});

it("drops the kept pages when another instance notifies a save", async () => {
  await keepOnceListening("/");
  expect(findPage("/")).toEqual(page);
  await sql("SELECT pg_notify($1, '')", [INVALIDATION_CHANNEL]);
  await vi.waitFor(() => expect(findPage("/")).toBeUndefined(), { timeout: 5_000 });
});

it("drops this instance's pages at once on a save, and tells the others", async () => {
  await keepOnceListening("/territoires/a");
  const other = new pg.Client({ connectionString: database().url });
  await other.connect();
  const heard = new Promise((resolve) => other.once("notification", resolve));
  await other.query(`LISTEN ${INVALIDATION_CHANNEL}`);
  await invalidatePublicPages(getDb());
  expect(findPage("/territoires/a")).toBeUndefined();
  await expect(heard).resolves.toMatchObject({ channel: INVALIDATION_CHANNEL });
  await other.end();
});

it("serves nothing while the connection is lost, and starts again once it listens anew", async () => {
  await keepOnceListening("/");
  const { rowCount } = await sql(
    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()",
  );
  expect(rowCount).toBe(1);
  await vi.waitFor(() => expect(findPage("/")).toBeUndefined(), { timeout: 5_000 });
  expect(keepPage("/", page, currentGeneration())).toBe(false);
  // Reconnected after a second: pages are kept again.
  await keepOnceListening("/");
  expect(findPage("/")).toEqual(page);
});
