// `npm run db:seed`: loads the demo data (idempotent) into DATABASE_URL, or into the embedded database.
import { readServerConfig } from "@/lib/config/server-config";
import { createDbClient } from "@/lib/db/client";
import { prepareDatabase } from "@/lib/db/prepare";
import { loadDemoData } from "@/lib/seed/demo-data";
import { runCli } from "./run";

runCli(async () => {
  const database = await prepareDatabase({ ...readServerConfig(), seedWhenEmpty: false, log: console.log });
  const db = createDbClient(database.url);
  try {
    await loadDemoData(db);
    console.log("Demo data loaded (already present rows were left unchanged).");
  } finally {
    await db.$disconnect();
    await database.stop();
  }
});
