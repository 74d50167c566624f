// `npm run db:backup [file]`: a consistent backup of DATABASE_URL, or of the embedded database
// (joined when `npm start` is running), into backups/opencls-<timestamp>.backup.gz by default.
// Documents' files kept in an S3-compatible bucket (OPENCLS_S3_*) are read into it too.
import path from "node:path";
import { readServerConfig } from "@/lib/config/server-config";
import { defaultBackupPath, writeBackup } from "@/lib/db/backup";
import { connectDatabase } from "@/lib/db/prepare";
import { DOCUMENT_OBJECTS_LOCK } from "@/lib/documents/s3-storage";
import { documentStorage } from "@/lib/documents/storage";
import { runCli } from "./run";

runCli(async () => {
  const file = path.resolve(process.argv[2] ?? defaultBackupPath());
  const database = await connectDatabase({ ...readServerConfig(), log: console.log });
  try {
    const storage = documentStorage();
    const externalFiles = storage.name === "s3" ? { read: storage.read, lock: DOCUMENT_OBJECTS_LOCK } : undefined;
    const { header, rows } = await writeBackup(database.url, file, { externalFiles });
    const total = Object.values(rows).reduce((sum, count) => sum + count, 0);
    const shown = file.startsWith(`${process.cwd()}${path.sep}`) ? path.relative(process.cwd(), file) : file;
    console.log(`Backed up ${total} rows in ${header.tables.length} tables (schema at migration ${header.migration}) to ${shown}.`);
  } finally {
    await database.stop();
  }
});
