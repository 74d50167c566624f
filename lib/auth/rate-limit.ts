// Password sign-in throttling. Failures are rows in PostgreSQL, so limits hold across app
// instances and restarts. Three counters, each over the last WINDOW:
// - per (account, address): growing delays after a few failures: the usual way a guesser is
//   slowed, and it never touches the owner signing in from elsewhere;
// - per account, from all addresses: past a ceiling, addresses the account never signed in from
//   must space their attempts; this slows a distributed attack without ever locking the owner out
//   (their known addresses are exempt, others wait seconds, not the whole window);
// - per address, on all accounts: an address spraying many accounts waits a second more per
//   failure, at most a minute (one address can hold a whole hospital behind its NAT: it must
//   never be shut out for long).
import { createHmac } from "node:crypto";
import type { Db } from "@/lib/db/client";

export const SIGN_IN_THROTTLE = {
  windowMinutes: 15,
  /** Failures allowed per (account, address) before delays start; then 1 s, 2 s, 4 s… */
  freeFailuresPerPair: 3,
  /** Failures on an account, from all addresses, past which unknown addresses must space their attempts. */
  accountCeiling: 20,
  /** The spacing imposed then, per (account, unknown address). */
  accountCeilingSpacingSeconds: 30,
  /** Failures from one address, on all accounts, before delays start; then 1 s more per failure. */
  freeFailuresPerAddress: 100,
  maxAddressDelaySeconds: 60,
  maxDelaySeconds: 15 * 60,
} as const;

/** How long a known address is remembered after its last successful sign-in. */
export const KNOWN_ADDRESS_RETENTION_DAYS = 90;

const keys = (email: string, address: string) => ({
  account: `account:${email}`,
  address: `address:${address}`,
  pair: `pair:${email}|${address}`,
});

export type ThrottleDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Whether a password attempt for this account from this address may be checked now. */
export async function checkSignInThrottle(db: Db, email: string, address: string, now = new Date()): Promise<ThrottleDecision> {
  const key = keys(email, address);
  const since = new Date(now.getTime() - SIGN_IN_THROTTLE.windowMinutes * 60_000);
  const [rows, known] = await Promise.all([
    db.signInFailure.groupBy({
      by: ["key"],
      where: { key: { in: [key.account, key.address, key.pair] }, occurredAt: { gt: since } },
      _count: { _all: true },
      _max: { occurredAt: true },
    }),
    isKnownAddress(db, email, address, now),
  ]);
  const stats = (name: string) => {
    const row = rows.find((candidate) => candidate.key === name);
    return { failures: row?._count._all ?? 0, last: row?._max.occurredAt ?? null };
  };
  const waits = [
    growingDelay(stats(key.pair), SIGN_IN_THROTTLE.freeFailuresPerPair, now),
    linearDelay(stats(key.address), SIGN_IN_THROTTLE.freeFailuresPerAddress, now),
  ];
  const account = stats(key.account);
  if (!known && account.failures >= SIGN_IN_THROTTLE.accountCeiling) {
    const pair = stats(key.pair);
    if (pair.last) waits.push(remaining(pair.last, SIGN_IN_THROTTLE.accountCeilingSpacingSeconds, now));
  }
  const retryAfterSeconds = Math.max(0, ...waits);
  return retryAfterSeconds > 0 ? { allowed: false, retryAfterSeconds } : { allowed: true };
}

/** 2^(failures - free) seconds after the last failure, capped. */
function growingDelay({ failures, last }: { failures: number; last: Date | null }, free: number, now: Date): number {
  if (!last || failures < free) return 0;
  return remaining(last, Math.min(2 ** (failures - free), SIGN_IN_THROTTLE.maxDelaySeconds), now);
}

function linearDelay({ failures, last }: { failures: number; last: Date | null }, free: number, now: Date): number {
  if (!last || failures < free) return 0;
  return remaining(last, Math.min(failures - free + 1, SIGN_IN_THROTTLE.maxAddressDelaySeconds), now);
}

const remaining = (since: Date, seconds: number, now: Date) =>
  Math.max(0, Math.ceil((since.getTime() + seconds * 1000 - now.getTime()) / 1000));

export async function recordSignInFailure(db: Db, email: string, address: string, now = new Date()): Promise<void> {
  const key = keys(email, address);
  await db.signInFailure.createMany({ data: [key.account, key.address, key.pair].map((name) => ({ key: name, occurredAt: now })) });
}

/** After a success the pair starts afresh and the address becomes known; other counters stay. */
export async function recordSignInSuccess(db: Db, userId: string, email: string, address: string, now = new Date()): Promise<void> {
  const addressHash = hashAddress(address);
  await db.$transaction([
    db.signInFailure.deleteMany({ where: { key: keys(email, address).pair } }),
    db.knownSignInAddress.upsert({
      where: { userId_addressHash: { userId, addressHash } },
      create: { userId, addressHash, lastSeenAt: now },
      update: { lastSeenAt: now },
    }),
  ]);
}

async function isKnownAddress(db: Db, email: string, address: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - KNOWN_ADDRESS_RETENTION_DAYS * 86_400_000);
  const count = await db.knownSignInAddress.count({
    where: { user: { email }, addressHash: hashAddress(address), lastSeenAt: { gt: since } },
  });
  return count > 0;
}

/** Addresses are kept as keyed hashes: enough to recognise one, useless to anyone who reads the table. */
export function hashAddress(address: string): string {
  return createHmac("sha256", process.env.NEXTAUTH_SECRET ?? "opencls")
    .update(address)
    .digest("hex");
}

/** Old failure rows are of no use once outside every window. */
export async function purgeSignInRecords(db: Db, now = new Date()): Promise<{ failures: number; addresses: number }> {
  const [failures, addresses] = await db.$transaction([
    db.signInFailure.deleteMany({ where: { occurredAt: { lt: new Date(now.getTime() - SIGN_IN_THROTTLE.windowMinutes * 60_000) } } }),
    db.knownSignInAddress.deleteMany({
      where: { lastSeenAt: { lt: new Date(now.getTime() - KNOWN_ADDRESS_RETENTION_DAYS * 86_400_000) } },
    }),
  ]);
  return { failures: failures.count, addresses: addresses.count };
}
