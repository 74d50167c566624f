// A migrated embedded PostgreSQL of a spec's own, in a temporary folder removed afterwards: for
// end-to-end specs whose app instances must not share the suite's database.
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { startEmbeddedDatabase } from "../../lib/db/embedded";
import { applyMigrations } from "../../lib/db/migrate";
import { freePort } from "./ports";

export type OwnDatabase = { url: string; dataDir: string; stop: () => Promise<void> };

export async function startOwnDatabase(name: string): Promise<OwnDatabase> {
  const dataDir = path.join(os.tmpdir(), `opencls-e2e-${name}-${process.pid}`);
  await rm(dataDir, { recursive: true, force: true });
  const database = await startEmbeddedDatabase({ dataDir, port: await freePort() });
  await applyMigrations(database.url);
  return {
    url: database.url,
    dataDir,
    stop: async () => {
      await database.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
