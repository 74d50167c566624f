// Sessions are signed cookies (JWTs), which cannot be revoked one by one; each carries the
// account's session version instead, checked on every request. Raising the version ends every
// session of the account at once: on sign-out, on a new password, when a role is removed.
import type { Db } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";

type Writer = Db | Prisma.TransactionClient;

export async function endAllSessions(db: Writer, userId: string): Promise<void> {
  await db.user.updateMany({ where: { id: userId }, data: { sessionVersion: { increment: 1 } } });
}

export async function currentSessionVersion(db: Db, userId: string): Promise<number | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { sessionVersion: true } });
  return user?.sessionVersion ?? null;
}

/** next-auth's cookie names, with the chunks it splits a large token into. */
export const SESSION_COOKIE_PREFIXES = ["next-auth.session-token", "__Secure-next-auth.session-token"];
