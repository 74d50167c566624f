// A database and an app instance of a spec's own, for end-to-end specs whose data would change
// what other specs read (the home page's counts, a seeded territory's next generation). The seed,
// and the spec's own reads and writes, go through the app's client (lib/db/client.ts) pointed at
// that database until `stop`: fixtures that publish call the app's code, which reads `getDb()`.
// Declared at the spec's top, it registers the spec's hooks: beforeAll starts it, afterAll stops
// whatever was started, even when the start timed out.
import { disconnectDb, getDb, type Db } from "../../lib/db/client";
import { startAppInstance, type AppInstance } from "./app-instance";
import { startOwnDatabase, type OwnDatabase } from "./own-database";

/** The hooks of a spec's `test` (./fixtures), the only part of it the world needs. */
type SpecHooks = {
  beforeAll: (hook: () => Promise<void>) => void;
  afterAll: (hook: () => Promise<void>) => void;
  setTimeout: (milliseconds: number) => void;
};

export type OwnWorld<T> = {
  /** What the seed returned, once the spec's beforeAll has run. */
  readonly world: T;
  readonly app: AppInstance;
  readonly db: Db;
};

/** Starting a database, migrating it, seeding it and starting the app takes minutes on a busy machine. */
const START_TIMEOUT = 240_000;

export function ownWorld<T>(test: SpecHooks, name: string, seed: (db: Db) => Promise<T>): OwnWorld<T> {
  let database: OwnDatabase | undefined;
  let app: AppInstance | undefined;
  let seeded: { world: T } | undefined;
  let previousUrl: { value: string | undefined } | undefined;
  const started = <V>(value: V | undefined): V => {
    if (value === undefined) throw new Error(`the world "${name}" is not started`);
    return value;
  };
  test.beforeAll(async () => {
    test.setTimeout(START_TIMEOUT);
    database = await startOwnDatabase(name);
    // A client opened earlier in this worker would still write to the suite's database.
    await disconnectDb();
    previousUrl = { value: process.env.DATABASE_URL };
    process.env.DATABASE_URL = database.url;
    seeded = { world: await seed(getDb()) };
    app = await startAppInstance(database.url, { OPENCLS_WORKER: "off" });
  });
  test.afterAll(async () => {
    // Each step runs whatever failed before it: nothing started is left behind.
    const steps = [
      () => disconnectDb(),
      async () => {
        if (!previousUrl) return;
        if (previousUrl.value === undefined) delete process.env.DATABASE_URL;
        else process.env.DATABASE_URL = previousUrl.value;
      },
      async () => app?.stop(),
      async () => database?.stop(),
    ];
    const errors: unknown[] = [];
    for (const step of steps) await step().catch((error: unknown) => errors.push(error));
    if (errors.length) throw new AggregateError(errors, `stopping the world "${name}"`);
  });
  return {
    get world() {
      return started(seeded).world;
    },
    get app() {
      return started(app);
    },
    get db() {
      started(database);
      return getDb();
    },
  };
}
