// The nightly purge of personal data past its retention period (lib/privacy/retention.ts).
// Idempotent: running it twice erases nothing more.
import { z } from "zod";
import { purgeSignInRecords } from "@/lib/auth/rate-limit";
import type { Db } from "@/lib/db/client";
import { defineJob } from "@/lib/jobs/define";
import { RETENTION } from "./retention";

const DAY = 86_400_000;

export type PurgeCounts = {
  auditIps: number;
  signInFailures: number;
  knownAddresses: number;
  expiredSignInLinks: number;
  devEmails: number;
  notifications: number;
  mailDeliveries: number;
  rateLimitWindows: number;
};

export async function purgePersonalData(db: Db, now = new Date()): Promise<PurgeCounts> {
  const signIn = await purgeSignInRecords(db, now);
  const [auditIps, expiredSignInLinks, devEmails, notifications, mailDeliveries, rateLimitWindows] = await db.$transaction([
    db.auditEvent.updateMany({
      where: { ip: { not: null }, occurredAt: { lt: new Date(now.getTime() - RETENTION.auditIpDays * DAY) } },
      data: { ip: null },
    }),
    db.verificationToken.deleteMany({ where: { expires: { lt: now } } }),
    db.devEmail.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - RETENTION.devMailboxDays * DAY) } } }),
    db.notification.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - RETENTION.notificationDays * DAY) } } }),
    db.mailDelivery.deleteMany({ where: { sentAt: { lt: new Date(now.getTime() - RETENTION.mailDeliveryDays * DAY) } } }),
    // The rate limiter drops past windows as it goes; this catches those of an instance that stopped.
    db.rateLimitWindow.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - RETENTION.apiRateLimitMinutes * 60_000) } } }),
  ]);
  return {
    auditIps: auditIps.count,
    signInFailures: signIn.failures,
    knownAddresses: signIn.addresses,
    expiredSignInLinks: expiredSignInLinks.count,
    devEmails: devEmails.count,
    notifications: notifications.count,
    mailDeliveries: mailDeliveries.count,
    rateLimitWindows: rateLimitWindows.count,
  };
}

export const personalDataPurgeJob = defineJob({
  name: "personal-data-purge",
  data: z.object({}).strict(),
  // Every night at 3:10, Paris time.
  schedule: "10 3 * * *",
  async run({ db }) {
    const counts = await purgePersonalData(db);
    console.log(`opencls: personal data purge: ${JSON.stringify(counts)}`);
  },
});
