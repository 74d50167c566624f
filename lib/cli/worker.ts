// Runs the background jobs without serving pages: `npm run worker`, beside app instances started
// with OPENCLS_WORKER=off. It needs the same DATABASE_URL, NEXTAUTH_SECRET (unsubscribe links
// are signed with it), NEXTAUTH_URL (links in e-mails) and OPENCLS_S3_* as they have.
import { StartupError } from "@/lib/config/startup-error";
import { disconnectDb } from "@/lib/db/client";
import { s3StorageConfig } from "@/lib/documents/config";
import { stopQueue } from "@/lib/jobs/queue";
import { startWorker } from "@/lib/jobs/worker";
import { runCli } from "./run";

runCli(async () => {
  for (const name of ["DATABASE_URL", "NEXTAUTH_SECRET", "NEXTAUTH_URL"]) {
    if (!process.env[name]?.trim()) throw new StartupError(`${name} is required to run the worker apart (the same as the app's).`);
  }
  // The nightly sweep of the documents' bucket reads the same OPENCLS_S3_* as the app.
  s3StorageConfig();
  await startWorker();
  console.log("opencls: worker ready (background jobs only)");
  const stop = async () => {
    await Promise.race([Promise.allSettled([stopQueue(), disconnectDb()]), new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
});
