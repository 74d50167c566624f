// `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database.
import { readServerConfig } from "@/lib/config/server-config";
import { prepareDatabase } from "@/lib/db/prepare";
import { runCli } from "./run";

runCli(async () => {
  const database = await prepareDatabase({ ...readServerConfig(), seedWhenEmpty: false, log: console.log });
  if (!database.appliedMigrations.length) console.log("Database schema is up to date.");
  await database.stop();
});
