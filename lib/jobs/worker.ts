// Runs the jobs of lib/jobs/registry.ts in this process. `npm start` runs it inside the web
// server (OPENCLS_WORKER=off turns it off for an instance that should only serve pages); any
// number of instances may run it against one database.
import type PgBoss from "pg-boss";
import { getDb } from "@/lib/db/client";
import { todayInParis } from "@/lib/due/schedule";
import { isoDay } from "@/lib/format";
import type { JobDefinition } from "./define";
import { getQueue } from "./queue";
import { JOBS } from "./registry";

export function workerEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return !["off", "0", "false"].includes((env.OPENCLS_WORKER ?? "").trim().toLowerCase());
}

export async function startWorker(jobs: readonly JobDefinition[] = JOBS): Promise<PgBoss> {
  const queue = await getQueue();
  for (const job of jobs) {
    await queue.createQueue(job.name, { name: job.name, retryLimit: job.retryLimit ?? 5, retryDelay: 30, retryBackoff: true });
    await queue.work(job.name, { batchSize: 1, pollingIntervalSeconds: 2 }, ([received]) => runJob(job, received.data));
    if (job.schedule) await queue.schedule(job.name, job.schedule, {}, { tz: "Europe/Paris" });
    if (job.catchUpOnStart) {
      // Once per half-day slot of pg-boss however many workers start (the key names the Paris day);
      // a restart in another slot runs it again, which the job's idempotence makes harmless.
      await queue.send(job.name, {}, { singletonKey: `catch-up:${isoDay(todayInParis())}`, singletonSeconds: 43_200 });
    }
  }
  return queue;
}

/** One job's run: data that does not match its schema is a failure, retried, then kept as failed. */
export async function runJob(job: JobDefinition, data: unknown): Promise<void> {
  await job.run({ db: getDb() }, job.data.parse(data));
}
