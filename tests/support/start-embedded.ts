// Starts the embedded PostgreSQL of OPENCLS_DATA_DIR on OPENCLS_EMBEDDED_DB_PORT, prints
// "ready" and waits, in one process (run with `node --import tsx`): a test kills it with
// SIGKILL to leave the server running without its owner, as a crashed `npm start` would.
import { startEmbeddedDatabase } from "@/lib/db/embedded";

await startEmbeddedDatabase({ dataDir: process.env.OPENCLS_DATA_DIR!, port: Number(process.env.OPENCLS_EMBEDDED_DB_PORT) });
console.log("ready");
setInterval(() => {}, 60_000);
