// E-mail + password authentication, independent of next-auth so that it can be tested directly.
import type { Db } from "@/lib/db/client";
import { verifyPassword } from "./password";
import { checkSignInThrottle, recordSignInFailure, recordSignInSuccess } from "./rate-limit";
import { passwordSignInSchema } from "./schema";

export type PasswordSignInResult =
  | { ok: true; user: { id: string; email: string; name: string | null; sessionVersion: number } }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "rate_limited"; retryAfterSeconds: number };

export async function authenticateWithPassword(db: Db, input: unknown, address: string, now = new Date()): Promise<PasswordSignInResult> {
  const parsed = passwordSignInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;

  const throttle = await checkSignInThrottle(db, email, address, now);
  if (!throttle.allowed) return { ok: false, reason: "rate_limited", retryAfterSeconds: throttle.retryAfterSeconds };
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, name: true, passwordHash: true, disabledAt: true, sessionVersion: true },
  });
  // Unknown accounts are hashed against too, so the answer takes the same time.
  const valid = await verifyPassword(password, user?.passwordHash);
  if (!user || !valid || user.disabledAt) {
    await recordSignInFailure(db, email, address, now);
    return { ok: false, reason: "invalid" };
  }
  await recordSignInSuccess(db, user.id, email, address, now);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion } };
}
