// `npm run db:restore <file>`: restores a backup made by `npm run db:backup` into DATABASE_URL,
// or into the embedded database, which must be empty (no row in any table).
import path from "node:path";
import { readServerConfig } from "@/lib/config/server-config";
import { StartupError } from "@/lib/config/startup-error";
import { restoreBackup } from "@/lib/db/backup";
import { connectDatabase } from "@/lib/db/prepare";
import { runCli } from "./run";

runCli(async () => {
  if (!process.argv[2]) throw new StartupError("Usage: npm run db:restore -- <backup file> (made by npm run db:backup).");
  const file = path.resolve(process.argv[2]);
  const database = await connectDatabase({ ...readServerConfig(), log: console.log });
  try {
    const { header, rows } = await restoreBackup(database.url, file);
    const total = Object.values(rows).reduce((sum, count) => sum + count, 0);
    console.log(
      `Restored ${total} rows in ${header.tables.length} tables from the backup of ${header.createdAt} (schema at migration ${header.migration}).`,
    );
  } finally {
    await database.stop();
  }
});
