// One-click unsubscription (RFC 8058): each reminder e-mail carries a URL whose token says whose
// e-mail of which kind to stop. The token is an HMAC with the app's secret, so it cannot be made
// up, and it never expires: an old message must still let its reader stop the next ones.
import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { ONE_CLICK_UNSUBSCRIBE_PATH_PREFIX } from "@/lib/http/cross-site";

/** The e-mails a user may stop, each a column of MailPreference. */
export const MAIL_KINDS = { daily: "dailyReminders", weekly: "weeklyDigest" } as const;
export type MailKind = keyof typeof MAIL_KINDS;

const tokenSchema = z
  .string()
  .max(200)
  .regex(/^[0-9a-f-]{36}\.(daily|weekly)\.[A-Za-z0-9_-]{43}$/);

function secret(env: Record<string, string | undefined>): string {
  const value = env.NEXTAUTH_SECRET?.trim();
  if (!value) throw new Error("NEXTAUTH_SECRET is not set: start the app with `npm start`.");
  return value;
}

const macOf = (userId: string, kind: MailKind, env: Record<string, string | undefined>) =>
  createHmac("sha256", secret(env)).update(`opencls-unsubscribe:${userId}:${kind}`).digest("base64url");

export function unsubscribeToken(userId: string, kind: MailKind, env: Record<string, string | undefined> = process.env): string {
  return `${userId}.${kind}.${macOf(userId, kind, env)}`;
}

/** Whose e-mail of which kind a token stops; null for anything not made by unsubscribeToken. */
export function readUnsubscribeToken(
  token: unknown,
  env: Record<string, string | undefined> = process.env,
): { userId: string; kind: MailKind } | null {
  const parsed = tokenSchema.safeParse(token);
  if (!parsed.success) return null;
  const [userId, kind, mac] = parsed.data.split(".") as [string, MailKind, string];
  const expected = Buffer.from(macOf(userId, kind, env));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given) ? { userId, kind } : null;
}

/** The List-Unsubscribe URL of a message, under the one path the Origin check lets mail clients POST to. */
export function unsubscribePath(userId: string, kind: MailKind, env: Record<string, string | undefined> = process.env): string {
  return `${ONE_CLICK_UNSUBSCRIBE_PATH_PREFIX}${unsubscribeToken(userId, kind, env)}`;
}

/** The headers RFC 8058 asks for, given the message's absolute unsubscribe URL. */
export function oneClickHeaders(url: string): Record<string, string> {
  return { "List-Unsubscribe": `<${url}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" };
}
