// Request quotas per client over fixed windows, shared by every app instance through PostgreSQL
// (RateLimitWindow), for anonymous reads such as the open data API. Sign-in throttling
// (lib/auth/rate-limit.ts) records each failure as a row and grows delays: right for a few
// password attempts, wrong for reads, where a write per request would cost more than the read.
// Here each instance counts its requests in memory and decides at once, without waiting for the
// database; every FLUSH_MS it adds its new counts to the shared ones in one statement and learns
// the totals of every instance. An instance therefore sees the others' requests a fraction of a
// second late, and its own exactly. It talks to PostgreSQL on a connection of its own: under load
// the app's pool is busy with requests, and the counts must not wait behind them (nor count as a
// page's statements in the bench).
import { isIPv6 } from "node:net";
import pg from "pg";
import { hashAddress } from "@/lib/auth/rate-limit";
import { DATABASE_TIMEOUTS } from "@/lib/db/client";

export type RateLimitDecision = {
  allowed: boolean;
  /** Requests allowed per window (the `RateLimit-Limit` header). */
  limit: number;
  remaining: number;
  /** Seconds until the window ends and the count starts afresh. */
  resetSeconds: number;
};

type Entry = {
  windowStart: number;
  /** The total of every instance, as the last flush returned it (this instance's flushed counts included). */
  shared: number;
  /** Counted by this instance, being added to the shared total now. */
  flushing: number;
  /** Counted by this instance since the last flush began. */
  pending: number;
};

export type RateLimiterOptions = {
  /** Prefixes the keys: two limiters never share counts. */
  name: string;
  windowSeconds: number;
  /** Requests allowed per window and client, read at each request; 0: no limit. */
  limit: () => number;
  flushMs?: number;
  store?: RateLimitStore;
  /** Distinct clients kept per window; past it, new clients share one count (an attacker with many addresses fills no memory). */
  maxClients?: number;
  now?: () => number;
};

export type RateLimiter = {
  /** Counts one request of this client and says whether it is allowed. Synchronous: no database round trip. */
  hit(address: string): RateLimitDecision;
  /** Adds this instance's pending counts to the shared ones and reads the totals back (also run every flushMs). */
  flush(): Promise<void>;
};

const OVERFLOW_KEY = "overflow";

export function createRateLimiter({
  name,
  windowSeconds,
  limit,
  flushMs = 250,
  store = postgresStore(),
  maxClients = 50_000,
  now = Date.now,
}: RateLimiterOptions): RateLimiter {
  const windowMs = windowSeconds * 1000;
  const entries = new Map<string, Entry>();
  let timer: NodeJS.Timeout | undefined;
  let flushing: Promise<void> | undefined;
  let purgedWindow = 0;
  let loggedWindow = 0;

  const windowOf = (time: number) => Math.floor(time / windowMs) * windowMs;

  const schedule = () => {
    timer ??= setTimeout(() => {
      timer = undefined;
      void limiter.flush();
    }, flushMs).unref();
  };

  async function flushOnce(): Promise<void> {
    const current = windowOf(now());
    for (const [key, entry] of entries) if (entry.windowStart !== current) entries.delete(key);
    const batch = [...entries].filter(([, entry]) => entry.pending > 0);
    if (!batch.length) return;
    for (const [, entry] of batch) {
      entry.flushing = entry.pending;
      entry.pending = 0;
    }
    try {
      const rows = await store.add(
        new Date(current),
        batch.map(([key, entry]) => ({ key, hits: entry.flushing })),
      );
      for (const row of rows) {
        const entry = entries.get(row.key);
        if (entry?.windowStart === current) entry.shared = row.hits;
      }
      for (const [, entry] of batch) entry.flushing = 0;
      // Past windows are of no use to anyone: dropped once per window (the addresses are hashed, and gone within two windows).
      if (purgedWindow !== current) {
        purgedWindow = current;
        await store.purge(new Date(current - windowMs));
      }
    } catch (error) {
      // The database is away: this instance keeps counting on its own (it still limits its own clients) and tries again.
      for (const [, entry] of batch) {
        entry.pending += entry.flushing;
        entry.flushing = 0;
      }
      if (loggedWindow !== current) {
        loggedWindow = current;
        console.error(`opencls: could not share the ${name} rate limit counts (said once a window):`, error);
      }
      schedule();
    }
  }

  const limiter: RateLimiter = {
    hit(address) {
      const max = limit();
      const time = now();
      const windowStart = windowOf(time);
      const resetSeconds = Math.max(1, Math.ceil((windowStart + windowMs - time) / 1000));
      if (max <= 0) return { allowed: true, limit: 0, remaining: 0, resetSeconds };
      let key = `${name}:${hashAddress(clientGroup(address))}`;
      let entry = entries.get(key);
      if (entry && entry.windowStart !== windowStart) entry = undefined;
      if (!entry) {
        if (entries.size >= maxClients) key = `${name}:${OVERFLOW_KEY}`;
        entry = entries.get(key);
        if (!entry || entry.windowStart !== windowStart) {
          entry = { windowStart, shared: 0, flushing: 0, pending: 0 };
          entries.set(key, entry);
        }
      }
      entry.pending += 1;
      schedule();
      const used = entry.shared + entry.flushing + entry.pending;
      return { allowed: used <= max, limit: max, remaining: Math.max(0, max - used), resetSeconds };
    },
    async flush() {
      // One flush at a time: a second one waits, then sends what came in meanwhile.
      while (flushing) await flushing;
      flushing = flushOnce().finally(() => (flushing = undefined));
      await flushing;
    },
  };
  return limiter;
}

/** Where the instances add up their counts. */
export type RateLimitStore = {
  /** Adds these counts to the window's and returns the totals. */
  add(windowStart: Date, counts: ReadonlyArray<{ key: string; hits: number }>): Promise<Array<{ key: string; hits: number }>>;
  /** Forgets the windows that started before `before`. */
  purge(before: Date): Promise<void>;
};

/** The RateLimitWindow table, through one connection of the limiter's own, opened on first use (DATABASE_URL). */
export function postgresStore(connectionString = () => process.env.DATABASE_URL): RateLimitStore {
  let pool: pg.Pool | undefined;
  const query = <Row extends pg.QueryResultRow>(sql: string, values: unknown[]) => {
    if (!pool) {
      pool = new pg.Pool({
        connectionString: connectionString(),
        max: 1,
        allowExitOnIdle: true,
        connectionTimeoutMillis: DATABASE_TIMEOUTS.connectMs,
        statement_timeout: DATABASE_TIMEOUTS.statementMs,
      });
      // A connection dropped while idle (a restart, a test database dropped) is replaced on the next query.
      pool.on("error", () => undefined);
    }
    return pool.query<Row>(sql, values);
  };
  return {
    async add(windowStart, counts) {
      const { rows } = await query<{ key: string; hits: number }>(
        `INSERT INTO "RateLimitWindow" ("key", "windowStart", "hits")
         SELECT key, $1, hits FROM unnest($2::text[], $3::int[]) AS t(key, hits)
         ON CONFLICT ("key", "windowStart") DO UPDATE SET "hits" = "RateLimitWindow"."hits" + EXCLUDED."hits"
         RETURNING "key", "hits"`,
        [windowStart, counts.map((count) => count.key), counts.map((count) => count.hits)],
      );
      return rows;
    },
    async purge(before) {
      await query(`DELETE FROM "RateLimitWindow" WHERE "windowStart" < $1`, [before]);
    },
  };
}

/**
 * The client a request counts for: its IPv4 address, or the /64 network of an IPv6 one (one
 * subscriber holds a whole /64: counting each address would let it pick a new one per request).
 */
export function clientGroup(address: string): string {
  if (!isIPv6(address)) return address;
  const [head, tail = ""] = address.toLowerCase().split("::");
  const groups = (part: string) => (part ? part.split(":").flatMap((group) => (group.includes(".") ? ["0", "0"] : [group])) : []);
  const left = groups(head);
  const right = address.includes("::") ? groups(tail) : [];
  const full = [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right];
  return `${full
    .slice(0, 4)
    .map((group) => group.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

/** The headers that tell a client its quota (draft-ietf-httpapi-ratelimit-headers), and Retry-After when it is spent. */
export function rateLimitHeaders(decision: RateLimitDecision): Record<string, string> {
  if (decision.limit <= 0) return {};
  return {
    "RateLimit-Limit": String(decision.limit),
    "RateLimit-Remaining": String(decision.remaining),
    "RateLimit-Reset": String(decision.resetSeconds),
    ...(decision.allowed ? {} : { "Retry-After": String(decision.resetSeconds) }),
  };
}
