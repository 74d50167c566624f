// Reads of the notification centre: a page of the actor's notifications, their unread count,
// their e-mail preferences, and what an unsubscribe link stops.
import { ANONYMOUS, assertCan, type Actor } from "@/lib/authz";
import { getDb } from "@/lib/db/client";
import { pageWindow } from "@/lib/params/list-params";
import { loadUnsubscribeResource } from "./resource";
import { MAIL_KINDS, type MailKind } from "./unsubscribe";

/** The actor's notifications, newest first, a page at a time, with the counts. Three queries. */
export async function listNotifications(actor: Actor, { page }: { page: number }) {
  const userId = actor.userId ?? "";
  assertCan(actor, "account.manage", { userId });
  const db = getDb();
  const [notifications, total, unread] = await Promise.all([
    db.notification.findMany({
      where: { userId },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      ...pageWindow(page),
      select: { id: true, kind: true, title: true, context: true, href: true, dueOn: true, createdAt: true, readAt: true },
    }),
    db.notification.count({ where: { userId } }),
    db.notification.count({ where: { userId, readAt: null } }),
  ]);
  return { notifications, total, unread };
}

/** The actor's e-mail preferences; version 0 until first saved (every e-mail on). */
export async function getMailPreferences(actor: Actor) {
  const userId = actor.userId ?? "";
  assertCan(actor, "account.manage", { userId });
  const saved = await getDb().mailPreference.findUnique({
    where: { userId },
    select: { dailyReminders: true, weeklyDigest: true, version: true },
  });
  return { userId, ...(saved ?? { dailyReminders: true, weeklyDigest: true, version: 0 }) };
}

/** What an unsubscribe link's confirmation page shows, to whoever holds the link: which e-mail, and whether it is stopped. */
export async function getUnsubscribeState(token: string): Promise<{ kind: MailKind; stopped: boolean }> {
  const { userId, kind } = loadUnsubscribeResource(token);
  assertCan(ANONYMOUS, "mail.unsubscribe", { userId });
  const saved = await getDb().mailPreference.findUnique({ where: { userId }, select: { dailyReminders: true, weeklyDigest: true } });
  return { kind, stopped: saved?.[MAIL_KINDS[kind]] === false };
}
