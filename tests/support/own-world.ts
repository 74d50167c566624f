// A database and an app instance of a spec's own, for end-to-end specs whose data would change
// what other specs read (the home page's counts, a seeded territory's next generation). The seed,
// and the spec's own reads and writes, go through the app's client (lib/db/client.ts) pointed at
// that database until `stop`: fixtures that publish call the app's code, which reads `getDb()`.
import { disconnectDb, getDb, type Db } from "../../lib/db/client";
import { startAppInstance, type AppInstance } from "./app-instance";
import { startOwnDatabase } from "./own-database";

export type OwnWorld<T> = { world: T; app: AppInstance; db: Db; stop: () => Promise<void> };

export async function startOwnWorld<T>(name: string, seed: (db: Db) => Promise<T>): Promise<OwnWorld<T>> {
  const database = await startOwnDatabase(name);
  const previousUrl = process.env.DATABASE_URL;
  // A client opened earlier in this worker would still write to the suite's database.
  await disconnectDb();
  process.env.DATABASE_URL = database.url;
  let app: AppInstance | undefined;
  const stop = async () => {
    await disconnectDb();
    if (previousUrl === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previousUrl;
    await app?.stop();
    await database.stop();
  };
  try {
    const world = await seed(getDb());
    app = await startAppInstance(database.url, { OPENCLS_WORKER: "off" });
    return { world, app, db: getDb(), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
