// The daily e-mail: what fell due for one user, once a day, only when something did. The
// MailDelivery row, the notices marked as mailed and the message (kept in the development
// mailbox, or handed to SMTP) commit together (./recorded-mail.ts): if sending fails, nothing is
// recorded and the job is retried; a second worker on the same user and day waits on the row's
// key, then sends nothing.
import type { Db } from "@/lib/db/client";
import { formatCount, formatDate } from "@/lib/format";
import { appUrl } from "@/lib/mail/app-url";
import { mailTransport } from "@/lib/mail/send";
import { notificationKindOf } from "@/lib/notifications/kinds";
import { sendRecordedMail } from "./recorded-mail";

/** Notices older than this and never mailed (e-mails were off) are not worth a message any more. */
export const FRESH_NOTICE_DAYS = 7;
/** The message lists this many notices at most, then says how many more there are. */
const LISTED = 50;

export type DailyMailOutcome = "sent" | "nothing" | "declined" | "alreadySent" | "noTransport";

type Env = Record<string, string | undefined>;

export async function sendDailyReminderMail(
  db: Db,
  userId: string,
  day: string,
  env: Env = process.env,
  now = new Date(),
): Promise<DailyMailOutcome> {
  // Without a way to send, nothing is recorded as sent: the notices wait for a configured SMTP.
  if (mailTransport(env) === "none") return "noTransport";
  return db.$transaction(
    async (tx) => {
      const user = await tx.user.findUnique({
        where: { id: userId },
        select: { email: true, name: true, disabledAt: true, mailPreference: { select: { dailyReminders: true } } },
      });
      if (!user || user.disabledAt || user.mailPreference?.dailyReminders === false) return "declined";
      const unmailed = { userId, mailedAt: null, createdAt: { gte: new Date(now.getTime() - FRESH_NOTICE_DAYS * 86_400_000), lte: now } };
      const [notices, total] = await Promise.all([
        tx.notification.findMany({
          where: unmailed,
          orderBy: [{ kind: "asc" }, { dueOn: "asc" }, { title: "asc" }],
          take: LISTED,
          select: { kind: true, title: true, context: true, href: true, dueOn: true },
        }),
        tx.notification.count({ where: unmailed }),
      ]);
      if (total === 0) return "nothing";
      const sent = await sendRecordedMail(
        tx,
        {
          userId,
          to: user.email,
          kind: "daily",
          period: day,
          subject: `OpenCLS\u00a0: ${formatCount(total, "nouvelle notification", "nouvelles notifications")}`,
          body: dailyMailBody({ name: user.name, notices, total, env }),
        },
        env,
      );
      if (!sent) return "alreadySent";
      await tx.notification.updateMany({ where: { userId, mailedAt: null, createdAt: { lte: now } }, data: { mailedAt: now } });
      return "sent";
    },
    { timeout: 60_000 },
  );
}

type Notice = { kind: string; title: string; context: string | null; href: string; dueOn: Date | null };

function dailyMailBody({ name, notices, total, env }: { name: string | null; notices: Notice[]; total: number; env: Env }): string[] {
  const sections = new Map<string, Notice[]>();
  for (const notice of notices) {
    const section = notificationKindOf(notice.kind).section;
    sections.set(section, [...(sections.get(section) ?? []), notice]);
  }
  return [
    `Bonjour${name ? ` ${name}` : ""},`,
    "",
    "Voici vos nouvelles notifications dans les contrats locaux de santé que vous suivez\u00a0: ce qui est arrivé à échéance et ce qui attend votre réponse.",
    ...[...sections].flatMap(([section, items]) => ["", section, ...items.flatMap((notice) => noticeLines(notice, env))]),
    ...(total > notices.length
      ? [
          "",
          `Et ${formatCount(total - notices.length, "autre notification", "autres notifications")}\u00a0: ${appUrl("/notifications", env)}`,
        ]
      : []),
    "",
    `Toutes vos notifications\u00a0: ${appUrl("/notifications", env)}`,
  ];
}

function noticeLines(notice: Notice, env: Env): string[] {
  return [
    `- ${notice.title}${notice.dueOn ? ` (${notificationKindOf(notice.kind).dateLabel} ${formatDate(notice.dueOn)})` : ""}`,
    ...(notice.context ? [`  ${notice.context}`] : []),
    `  ${appUrl(notice.href, env)}`,
  ];
}
