// Reads of the notification centre: a page of the actor's notifications, their unread count,
// and their e-mail preferences.
import { assertCan, type Actor } from "@/lib/authz";
import { getDb } from "@/lib/db/client";
import { pageWindow } from "@/lib/params/list-params";

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
