// The reminders' background jobs (docs/adr/0008): every morning a scan posts what fell due and
// queues one e-mail job per user who has something new; every Monday, one digest job per member.
// The jobs are safe to run twice or on two instances: notices are unique, and each e-mail is
// recorded (MailDelivery) in the transaction that sends it.
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { todayInParis } from "@/lib/due/schedule";
import { isoDay } from "@/lib/format";
import { defineJob, enqueue } from "@/lib/jobs/define";
import { FRESH_NOTICE_DAYS, sendDailyReminderMail } from "./daily-mail";
import { scanDueItems } from "./scan";
import { sendWeeklyDigest } from "./weekly-digest";

/**
 * Two mail jobs for one user and period in one slot of this many seconds are one. pg-boss cuts
 * time into fixed slots from the epoch (here 00:00-12:00 and 12:00-24:00 UTC), and allows at
 * most its archive interval, 12 hours; the e-mail's own record (MailDelivery) does the rest.
 */
const SINGLETON_SECONDS = 43_200;
const isoDate = z.iso.date();

export const dailyReminderMailJob = defineJob({
  name: "reminder-mail-daily",
  data: z.object({ userId: z.uuid(), day: isoDate }).strict(),
  async run({ db }, { userId, day }) {
    await sendDailyReminderMail(db, userId, day);
  },
});

export const weeklyDigestMailJob = defineJob({
  name: "reminder-mail-weekly",
  data: z.object({ userId: z.uuid(), week: z.string().regex(/^\d{4}-W\d{2}$/), day: isoDate }).strict(),
  async run({ db }, { userId, week, day }) {
    await sendWeeklyDigest(db, userId, week, new Date(`${day}T00:00:00Z`));
  },
});

/** Posts today's notices, then queues the daily e-mail of every user with notices not mailed yet. */
export async function runDailyReminders(db: Db, today = todayInParis()): Promise<{ posted: number; mailsQueued: number }> {
  const { posted } = await scanDueItems(db, today);
  const day = isoDay(today)!;
  const freshSince = new Date(Date.now() - FRESH_NOTICE_DAYS * 86_400_000);
  let mailsQueued = 0;
  for (let after = ""; ;) {
    // The users the daily e-mail has something for: notices it would list (./daily-mail.ts).
    const recipients = await db.$queryRaw<Array<{ userId: string }>>`
      SELECT DISTINCT n."userId" FROM "Notification" n
      JOIN "User" u ON u."id" = n."userId" AND u."disabledAt" IS NULL
      LEFT JOIN "MailPreference" p ON p."userId" = n."userId"
      WHERE n."createdAt" >= ${freshSince} AND n."mailedAt" IS NULL AND p."dailyReminders" IS NOT FALSE AND n."userId"::text > ${after}
      ORDER BY n."userId" LIMIT 500`;
    if (recipients.length === 0) break;
    for (const { userId } of recipients) {
      await enqueue(dailyReminderMailJob, { userId, day }, { singletonKey: `${userId}:${day}`, singletonSeconds: SINGLETON_SECONDS });
    }
    mailsQueued += recipients.length;
    after = recipients.at(-1)!.userId;
  }
  return { posted, mailsQueued };
}

/** Queues the weekly digest of every member of a territory (the digest job sends only when there is something to say). */
export async function runWeeklyDigests(db: Db, today = todayInParis()): Promise<{ mailsQueued: number }> {
  const week = isoWeek(today);
  const day = isoDay(today)!;
  let mailsQueued = 0;
  for (let after: string | undefined; ;) {
    const users = await db.user.findMany({
      where: {
        disabledAt: null,
        memberships: { some: { territoryId: { not: null } } },
        NOT: { mailPreference: { weeklyDigest: false } },
        ...(after ? { id: { gt: after } } : {}),
      },
      orderBy: { id: "asc" },
      take: 500,
      select: { id: true },
    });
    if (users.length === 0) break;
    for (const { id } of users) {
      await enqueue(weeklyDigestMailJob, { userId: id, week, day }, { singletonKey: `${id}:${week}`, singletonSeconds: SINGLETON_SECONDS });
    }
    mailsQueued += users.length;
    after = users.at(-1)!.id;
  }
  return { mailsQueued };
}

export const dailyRemindersJob = defineJob({
  name: "reminders-daily",
  data: z.object({}).strict(),
  // Every morning at 6:00, Paris time: the e-mails wait in the inbox when the day starts.
  schedule: "0 6 * * *",
  catchUpOnStart: true,
  async run({ db }) {
    console.log(`opencls: daily reminders: ${JSON.stringify(await runDailyReminders(db))}`);
  },
});

export const weeklyDigestsJob = defineJob({
  name: "reminders-weekly",
  data: z.object({}).strict(),
  // Mondays at 7:00, Paris time, after the daily reminders.
  schedule: "0 7 * * 1",
  async run({ db }) {
    console.log(`opencls: weekly digests: ${JSON.stringify(await runWeeklyDigests(db))}`);
  },
});

/** ISO 8601 week of a calendar day, e.g. "2026-W49". */
export function isoWeek(day: Date): string {
  const thursday = new Date(day);
  thursday.setUTCDate(day.getUTCDate() + 3 - ((day.getUTCDay() + 6) % 7));
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((thursday.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}
