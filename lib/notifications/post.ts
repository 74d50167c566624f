// How any feature posts notifications, in its own transaction. Posting the same notice again
// (same user, kind, record and period) does nothing: a scan may run twice, or on two instances.
import type { Db, Tx } from "@/lib/db/client";
import type { NotificationKind } from "./kinds";

export type NewNotification = {
  userId: string;
  kind: NotificationKind;
  subjectId: string;
  /** What tells two notices about one record apart, e.g. the day it fell due ("2026-12-06"). */
  period: string;
  title: string;
  context?: string;
  /** A path of the app, e.g. "/espace/romans/contrats/…/fiches/…". */
  href: string;
  dueOn?: Date;
};

const clip = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 1)}…` : text);

/** Posts what is new among `notifications`; returns how many were new. */
export async function notify(db: Db | Tx, notifications: readonly NewNotification[]): Promise<number> {
  if (notifications.length === 0) return 0;
  const { count } = await db.notification.createMany({
    data: notifications.map((notification) => ({
      ...notification,
      title: clip(notification.title, 300),
      context: notification.context === undefined ? null : clip(notification.context, 300),
    })),
    skipDuplicates: true,
  });
  return count;
}
