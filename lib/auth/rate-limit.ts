// Sign-in rate limiting, per account and per IP address. Failures are rows in PostgreSQL, so the
// limit holds across app instances and restarts.
import type { Db } from "@/lib/db/client";

export const SIGN_IN_LIMIT = { maxFailures: 10, windowMinutes: 15 } as const;

const keysFor = (email: string, ip: string) => [`email:${email}`, `ip:${ip}`];

export async function isSignInBlocked(db: Db, email: string, ip: string, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - SIGN_IN_LIMIT.windowMinutes * 60_000);
  const counts = await db.signInFailure.groupBy({
    by: ["key"],
    where: { key: { in: keysFor(email, ip) }, occurredAt: { gt: since } },
    _count: { _all: true },
  });
  return counts.some((row) => row._count._all >= SIGN_IN_LIMIT.maxFailures);
}

export async function recordSignInFailure(db: Db, email: string, ip: string): Promise<void> {
  await db.signInFailure.createMany({ data: keysFor(email, ip).map((key) => ({ key })) });
}

/** After a successful sign-in the account starts afresh; the IP's count is kept. */
export async function clearAccountFailures(db: Db, email: string): Promise<void> {
  await db.signInFailure.deleteMany({ where: { key: `email:${email}` } });
}

/** The client address as the closest proxy (or Next.js itself) reports it: the last X-Forwarded-For hop. */
export function clientIp(headers: Record<string, string | string[] | undefined> | Headers | undefined): string {
  const read = (name: string) => {
    if (!headers) return undefined;
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return Array.isArray(value) ? value.join(",") : value;
  };
  const forwarded = read("x-forwarded-for")?.split(",").map((part) => part.trim()).filter(Boolean);
  return forwarded?.at(-1) ?? read("x-real-ip") ?? "unknown";
}
