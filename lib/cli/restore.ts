// `npm run db:restore <file>`: restores a backup made by `npm run db:backup` into DATABASE_URL,
// or into the embedded database, which must be empty (no row in any table). A backup holds
// documents' files in their rows; with S3-compatible storage configured (OPENCLS_S3_*), they are
// then moved into the bucket.
import path from "node:path";
import { readServerConfig } from "@/lib/config/server-config";
import { StartupError } from "@/lib/config/startup-error";
import { restoreBackup } from "@/lib/db/backup";
import { createDbClient } from "@/lib/db/client";
import { connectDatabase } from "@/lib/db/prepare";
import { documentStorage } from "@/lib/documents/storage";
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
    const storage = documentStorage();
    if (storage.name === "s3") {
      const db = createDbClient(database.url);
      try {
        console.log(`Moved ${await storage.moveIntoBucket(db)} documents' files into bucket ${storage.bucket}.`);
      } finally {
        await db.$disconnect();
      }
    }
  } finally {
    await database.stop();
  }
});
