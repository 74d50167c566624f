// The nightly sweep of the bucket's objects that no document's file names any more
// (lib/documents/s3-storage.ts): those a write could not delete at once. Nothing to do with the
// PostgreSQL store. Idempotent: a second run finds nothing more to delete.
import { z } from "zod";
import { defineJob } from "@/lib/jobs/define";
import { documentStorage } from "./storage";

export const documentObjectSweepJob = defineJob({
  name: "document-object-sweep",
  data: z.object({}).strict(),
  // Every night at 3:40, Paris time.
  schedule: "40 3 * * *",
  async run({ db }) {
    const storage = documentStorage();
    if (storage.name !== "s3") return;
    console.log(`opencls: document object sweep: ${await storage.sweep(db)} objects deleted from bucket ${storage.bucket}`);
  },
});
