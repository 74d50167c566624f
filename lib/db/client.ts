// The application's Prisma client, connected through node-postgres (@prisma/adapter-pg).
// One client per process, created on first use from DATABASE_URL.
import { PrismaPg } from "@prisma/adapter-pg";
import { createAvailabilityGuard } from "./availability";
import { markDatabaseUnavailable } from "./errors";
import { PrismaClient, type Prisma } from "./generated/client";

export type Db = PrismaClient;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Prisma.TransactionClient;

/**
 * A stalled server (stopped, overloaded, network black hole) must not hang requests: connecting
 * gives up after connectMs, a statement after statementMs. The server cancels a slow statement
 * itself (statement_timeout); the client's own read timeout, a little longer, covers a server
 * that cannot answer at all. Either way the pool drops the connection and opens a new one on the
 * next request, so the app recovers by itself when the database is back.
 */
export const DATABASE_TIMEOUTS = { connectMs: 5_000, statementMs: 15_000 };

type QueryListener = (sql: string) => void;
// On globalThis: the server layer (lib/server/http-server.ts) and the pages Next.js bundled
// apart load this module twice in one process, and the bench counts both's statements.
const queryListeners: Set<QueryListener> = ((globalThis as { openclsQueryListeners?: Set<QueryListener> }).openclsQueryListeners ??=
  new Set());

/**
 * How many distinct statements each connection keeps prepared (DATABASE_PREPARED_STATEMENTS; 0:
 * none, for a pooler that cannot keep them, such as PgBouncer in transaction mode before 1.21).
 * Parsing and planning a page's statements (the lateral joins of Prisma's relation loading, the
 * compliance rules) cost PostgreSQL more than running them: a prepared statement is parsed once
 * per connection, and planned once for all after five runs when a generic plan costs no more
 * (measured: the contract page's database time from 20 to 8 ms). Statements past this many run
 * unprepared, so each connection's plans stay bounded.
 */
export const DEFAULT_PREPARED_STATEMENTS = 200;

/** Names for the first `limit` statement texts a client sends: a text has the same name on every connection. */
export function statementNames(limit: number): (query: { sql: string }) => string | undefined {
  const names = new Map<string, string>();
  return ({ sql }) => {
    const known = names.get(sql);
    if (known || names.size >= limit) return known;
    const name = `opencls_${names.size + 1}`;
    names.set(sql, name);
    return name;
  };
}

type ClientOptions = { poolSize?: number; preparedStatements?: number };

export function createDbClient(
  connectionString: string,
  {
    poolSize = Number(process.env.DATABASE_POOL_SIZE ?? 10),
    preparedStatements = Number(process.env.DATABASE_PREPARED_STATEMENTS ?? DEFAULT_PREPARED_STATEMENTS),
  }: ClientOptions = {},
): Db {
  const adapter = new PrismaPg(
    {
      connectionString,
      max: poolSize,
      connectionTimeoutMillis: DATABASE_TIMEOUTS.connectMs,
      statement_timeout: DATABASE_TIMEOUTS.statementMs,
      query_timeout: DATABASE_TIMEOUTS.statementMs + 1_000,
    },
    // Without a name node-postgres runs a statement unprepared; the adapter's type wants one always.
    { statementNameGenerator: statementNames(preparedStatements) as (query: { sql: string }) => string },
  );
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => queryListeners.forEach((listener) => listener(event.query)));
  // During a known outage operations fail at once (lib/db/availability.ts); errors meaning
  // "database unavailable" get the digest the error pages recognise.
  const guard = createAvailabilityGuard(connectionString, DATABASE_TIMEOUTS.connectMs);
  const guarded = async <T>(operation: () => Promise<T>): Promise<T> => {
    try {
      guard.assertAvailable();
      return await operation();
    } catch (error) {
      guard.failed(error);
      throw markDatabaseUnavailable(error);
    }
  };
  const marked = client.$extends({ query: { $allOperations: ({ args, query }) => guarded(() => query(args)) } });
  const transaction = marked.$transaction.bind(marked) as (...args: unknown[]) => Promise<unknown>;
  Object.defineProperty(marked, "$transaction", { value: (...args: unknown[]) => guarded(() => transaction(...args)) });
  const disconnect = marked.$disconnect.bind(marked);
  Object.defineProperty(marked, "$disconnect", {
    value: () => {
      guard.close();
      return disconnect();
    },
  });
  // A query-only extension keeps the client's shape, so it is still a PrismaClient to callers.
  return marked as unknown as Db;
}

/** Observes every SQL statement the app's client sends (used by tests that count queries). */
export function onQuery(listener: QueryListener): () => void {
  queryListeners.add(listener);
  return () => queryListeners.delete(listener);
}

const globalForDb = globalThis as unknown as { openclsDb?: Db };

export function getDb(): Db {
  if (!globalForDb.openclsDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start` or `npm run dev`.");
    globalForDb.openclsDb = createDbClient(url);
  }
  return globalForDb.openclsDb;
}

export async function disconnectDb(): Promise<void> {
  await globalForDb.openclsDb?.$disconnect();
  globalForDb.openclsDb = undefined;
}
