// The reminders' background jobs (docs/adr/0008): every morning a scan posts what fell due and
// queues one e-mail job per user who has something new; every Monday, one digest job per member.
// The jobs are safe to run twice or on two instances: notices are unique, and each e-mail is
// recorded (MailDelivery) in the transaction that sends it.
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { todayInParis } from "@/lib/due/schedule";
import { isoDay } from "@/lib/format";
import { defineJob, enqueue } from "@/lib/jobs/define";
import { sendDailyReminderMail } from "./daily-mail";
import { scanDueItems } from "./scan";
import { sendWeeklyDigest } from "./weekly-digest";

/** Two mail jobs for one user and period within this long are one (pg-boss allows up to its archive interval, 12 hours). */
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
  const recipients = await db.notification.findMany({
    where: { mailedAt: null, user: { disabledAt: null, NOT: { mailPreference: { dailyReminders: false } } } },
    distinct: ["userId"],
    select: { userId: true },
  });
  for (const { userId } of recipients) {
    await enqueue(dailyReminderMailJob, { userId, day }, { singletonKey: `${userId}:${day}`, singletonSeconds: SINGLETON_SECONDS });
  }
  return { posted, mailsQueued: recipients.length };
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
