// A background job: its queue name, the zod schema of its data (jobs are input too: a row in
// the database can be written by anyone with access to it), and what it does. Jobs must be
// idempotent: pg-boss retries a failed one with backoff, and a singleton key keeps a job from
// being queued twice.
import type { z } from "zod";
import type { Db } from "@/lib/db/client";
import { getQueue } from "./queue";

export type JobContext = { db: Db };

export type JobDefinition<Data = unknown> = {
  /** The pg-boss queue name, e.g. "sign-in-link". */
  name: string;
  data: z.ZodType<Data, unknown>;
  run(context: JobContext, data: Data): Promise<void>;
  /** A cron expression (Europe/Paris) for jobs the worker queues itself, e.g. a nightly purge. */
  schedule?: string;
  /**
   * Also queued once a day when a worker starts: pg-boss's cron does not catch up a tick missed
   * while no worker ran, and a freshly started app shows that day's reminders at once.
   */
  catchUpOnStart?: boolean;
  retryLimit?: number;
};

export function defineJob<Data>(definition: JobDefinition<Data>): JobDefinition<Data> {
  return definition;
}

const createdQueues = new Set<string>();

/**
 * Queues a job. With a singleton key and `singletonSeconds`, a second job with the same key in the
 * same time slot (slots of that many seconds) is dropped.
 */
export async function enqueue<Data>(
  job: JobDefinition<Data>,
  data: Data,
  options: { singletonKey?: string; singletonSeconds?: number; startAfterSeconds?: number } = {},
): Promise<void> {
  const queue = await getQueue();
  if (!createdQueues.has(job.name)) {
    await queue.createQueue(job.name, { name: job.name, retryLimit: job.retryLimit ?? 5, retryDelay: 30, retryBackoff: true });
    createdQueues.add(job.name);
  }
  await queue.send(job.name, job.data.parse(data) as object, {
    singletonKey: options.singletonKey,
    singletonSeconds: options.singletonSeconds,
    startAfter: options.startAfterSeconds,
  });
}
