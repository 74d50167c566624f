// Every background job of the app; the worker (lib/jobs/worker.ts) runs these.
import { signInLinkJob } from "@/lib/auth/magic-link";
import { personalDataPurgeJob } from "@/lib/privacy/purge";
import type { JobDefinition } from "./define";

export const JOBS: readonly JobDefinition[] = [signInLinkJob, personalDataPurgeJob] as readonly JobDefinition[];
