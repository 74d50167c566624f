// The scope keys authorization reads of a user's own records: whose they are.
import { NotFoundError, type Resource } from "@/lib/authz";
import type { Db } from "@/lib/db/client";
import { readUnsubscribeToken, type MailKind } from "./unsubscribe";

export async function loadNotificationResource(db: Db, notificationId: string): Promise<Resource> {
  const notification = await db.notification.findUnique({ where: { id: notificationId }, select: { userId: true } });
  if (!notification) throw new NotFoundError();
  return { userId: notification.userId };
}

/** A user's account, by id: the input names it, authorization requires it to be the actor's. */
export async function loadAccountResource(db: Db, userId: string): Promise<Resource> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true } });
  if (!user) throw new NotFoundError();
  return { userId: user.id };
}

/** Whose e-mail of which kind an unsubscribe token stops: the token is the scope, as an invitation's link is. */
export function loadUnsubscribeResource(token: unknown): Resource & { userId: string; kind: MailKind } {
  const target = readUnsubscribeToken(token);
  if (!target) throw new NotFoundError();
  return target;
}
