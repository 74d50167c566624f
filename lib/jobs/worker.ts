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

/**
 * Jobs a worker takes per fetch. pg-boss fetches once per polling interval: one job at a time
 * would send a thousand morning e-mails in over half an hour.
 */
export const JOB_BATCH_SIZE = 20;

export async function startWorker(jobs: readonly JobDefinition[] = JOBS): Promise<PgBoss> {
  const queue = await getQueue();
  for (const job of jobs) {
    await queue.createQueue(job.name, { name: job.name, retryLimit: job.retryLimit ?? 5, retryDelay: 30, retryBackoff: true });
    await queue.work(job.name, { batchSize: JOB_BATCH_SIZE, pollingIntervalSeconds: 2 }, (batch) => runBatch(queue, job, batch));
    if (job.schedule) await queue.schedule(job.name, job.schedule, {}, { tz: "Europe/Paris" });
    if (job.catchUpOnStart) {
      // Once per half-day slot of pg-boss however many workers start (the key names the Paris day);
      // a restart in another slot runs it again, which the job's idempotence makes harmless.
      await queue.send(job.name, {}, { singletonKey: `catch-up:${isoDay(todayInParis())}`, singletonSeconds: 43_200 });
    }
  }
  return queue;
}

/**
 * A fetched batch, one job after the other. A job that throws is failed alone (retried, then kept
 * as failed); pg-boss then completes the batch's jobs still active, i.e. the others.
 */
export async function runBatch(queue: PgBoss, job: JobDefinition, batch: ReadonlyArray<PgBoss.Job<unknown>>): Promise<void> {
  for (const received of batch) {
    try {
      await runJob(job, received.data);
    } catch (error) {
      console.error(`opencls: job ${job.name} ${received.id} failed:`, error);
      await queue.fail(job.name, received.id, { message: error instanceof Error ? error.message : String(error) });
    }
  }
}

/** One job's run: data that does not match its schema is a failure, retried, then kept as failed. */
export async function runJob(job: JobDefinition, data: unknown): Promise<void> {
  await job.run({ db: getDb() }, job.data.parse(data));
}
