// E-mail + password authentication, independent of next-auth so that it can be tested directly.
import type { Db } from "@/lib/db/client";
import { verifyPassword } from "./password";
import { clearAccountFailures, isSignInBlocked, recordSignInFailure } from "./rate-limit";
import { passwordSignInSchema } from "./schema";

export type PasswordSignInResult =
  | { ok: true; user: { id: string; email: string; name: string | null } }
  | { ok: false; reason: "invalid" | "rate_limited" };

export async function authenticateWithPassword(db: Db, input: unknown, ip: string): Promise<PasswordSignInResult> {
  const parsed = passwordSignInSchema.safeParse(input);
  if (!parsed.success) return { ok: false, reason: "invalid" };
  const { email, password } = parsed.data;

  if (await isSignInBlocked(db, email, ip)) return { ok: false, reason: "rate_limited" };
  const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true, disabledAt: true } });
  const valid = await verifyPassword(password, user?.passwordHash);
  if (!user || !valid || user.disabledAt) {
    await recordSignInFailure(db, email, ip);
    return { ok: false, reason: "invalid" };
  }
  await clearAccountFailures(db, email);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
