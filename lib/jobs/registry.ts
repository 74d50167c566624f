// Every background job of the app; the worker (lib/jobs/worker.ts) runs these.
import { signInLinkJob } from "@/lib/auth/magic-link";
import { documentObjectSweepJob } from "@/lib/documents/jobs";
import { personalDataPurgeJob } from "@/lib/privacy/purge";
import { dailyReminderMailJob, dailyRemindersJob, weeklyDigestMailJob, weeklyDigestsJob } from "@/lib/reminders/jobs";
import type { JobDefinition } from "./define";

export const JOBS: readonly JobDefinition[] = [
  signInLinkJob,
  personalDataPurgeJob,
  dailyRemindersJob,
  dailyReminderMailJob,
  weeklyDigestsJob,
  weeklyDigestMailJob,
  documentObjectSweepJob,
] as readonly JobDefinition[];
