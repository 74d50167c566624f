// Writes of the notification centre and of the e-mail preferences: the user's own records, so
// they are not audited; preferences carry a version like any form.
import { actionsOn } from "@/lib/actions/define";
import { assertCan, type Actor } from "@/lib/authz";
import type { Db } from "@/lib/db/client";
import { ok } from "@/lib/actions/result";
import { assertVersionMatched } from "@/lib/actions/versioned";
import { loadAccountResource, loadNotificationResource, loadUnsubscribeResource } from "./resource";
import { markAllNotificationsReadSchema, markNotificationReadSchema, updateMailPreferencesSchema } from "./schema";
import { MAIL_KINDS } from "./unsubscribe";

const onNotification = actionsOn("account.manage", (db, { notificationId }: { notificationId: string }) =>
  loadNotificationResource(db, notificationId),
);
const onAccount = actionsOn("account.manage", (db, { userId }: { userId: string }) => loadAccountResource(db, userId));

export const markNotificationRead = onNotification(
  "notification.markRead",
  markNotificationReadSchema,
  async ({ db }, { notificationId }) => {
    await db.notification.updateMany({ where: { id: notificationId, readAt: null }, data: { readAt: new Date() } });
    return ok(null, "Notification marquée comme lue.");
  },
);

export const markAllNotificationsRead = onAccount(
  "notification.markAllRead",
  markAllNotificationsReadSchema,
  async ({ db }, { userId }) => {
    const { count } = await db.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: new Date() } });
    return ok(null, count ? "Toutes vos notifications sont marquées comme lues." : "Vous n’aviez aucune notification non lue.");
  },
);

export const updateMailPreferences = onAccount(
  "mailPreference.update",
  updateMailPreferencesSchema,
  async ({ db }, { userId, version, dailyReminders, weeklyDigest }) => {
    if (version === 0) {
      // Saved meanwhile from another tab: the row exists, and the user chooses again over it.
      assertVersionMatched(await db.mailPreference.createMany({ data: [{ userId, dailyReminders, weeklyDigest }], skipDuplicates: true }));
    } else {
      assertVersionMatched(
        await db.mailPreference.updateMany({
          where: { userId, version },
          data: { dailyReminders, weeklyDigest, version: { increment: 1 } },
        }),
      );
    }
    return ok(null, "Vos préférences sont enregistrées.");
  },
);

/**
 * Stops the e-mail an unsubscribe token names (app/desabonnement/[token]/route.ts, RFC 8058):
 * whoever holds the token may, signed in or not. Doing it twice changes nothing more.
 */
export async function stopMail(db: Db, actor: Actor, token: string): Promise<void> {
  const { userId, kind } = loadUnsubscribeResource(token);
  assertCan(actor, "mail.unsubscribe", { userId });
  const column = MAIL_KINDS[kind];
  await db.mailPreference.upsert({
    where: { userId },
    create: { userId, [column]: false },
    update: { [column]: false, version: { increment: 1 } },
  });
}
