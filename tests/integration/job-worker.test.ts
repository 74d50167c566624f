// The worker as the app runs it: a batch of jobs fetched at once, one that throws failed alone
// while the others complete.
import { afterAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define";
import { getQueue, stopQueue } from "@/lib/jobs/queue";
import { JOB_BATCH_SIZE, startWorker } from "@/lib/jobs/worker";
import { setupAppDatabase } from "../support/database";

setupAppDatabase();
afterAll(() => stopQueue());

const ran: number[] = [];
const countingJob = defineJob({
  name: "test-counting",
  data: z.object({ n: z.number().int() }).strict(),
  retryLimit: 0,
  async run(_context, { n }) {
    if (n === 2) throw new Error("two is refused");
    ran.push(n);
  },
});

describe("job worker", () => {
  it("runs a whole batch in one fetch, and fails only the job that threw", async () => {
    const queue = await getQueue();
    await queue.createQueue(countingJob.name, { name: countingJob.name, retryLimit: 0 });
    const count = JOB_BATCH_SIZE + 5;
    const ids = await Promise.all(Array.from({ length: count }, (_, n) => queue.send(countingJob.name, { n })));
    const started = Date.now();
    await startWorker([countingJob]);

    await expect.poll(() => ran.length, { timeout: 10_000, interval: 50 }).toBe(count - 1);
    // Two fetches at most, a polling interval apart: not one job per interval.
    expect(Date.now() - started).toBeLessThan(4_000);
    expect([...ran].sort((a, b) => a - b)).toEqual(Array.from({ length: count }, (_, n) => n).filter((n) => n !== 2));
    await expect
      .poll(async () => {
        const jobs = await Promise.all(ids.map((id) => queue.getJobById(countingJob.name, id!)));
        return jobs.map((job) => job?.state);
      })
      .toEqual(ids.map((_, n) => (n === 2 ? "failed" : "completed")));
  });
});
