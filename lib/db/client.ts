// The application's Prisma client, connected through node-postgres (@prisma/adapter-pg).
// One client per process, created on first use from DATABASE_URL.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "./generated/client";

export type Db = PrismaClient;

type QueryListener = (sql: string) => void;
const queryListeners = new Set<QueryListener>();

export function createDbClient(connectionString: string): Db {
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) }),
    log: [{ emit: "event", level: "query" }],
  });
  client.$on("query", (event) => queryListeners.forEach((listener) => listener(event.query)));
  return client;
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
