// Sign-in links sent by e-mail (next-auth's email provider): who may get one, how often, and the
// French message. The limit is counted from VerificationToken rows, so it holds across instances.
import { createHash } from "node:crypto";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format";
import { defineJob } from "@/lib/jobs/define";
import { sendMail, type Mail } from "@/lib/mail/send";
import { safeCallbackPath } from "./callback-path";

export const MAGIC_LINK = {
  /** A link works once, for one hour. */
  maxAgeSeconds: 60 * 60,
  /** At most this many links per address… */
  maxRequests: 5,
  /** …in this many minutes. */
  windowMinutes: 15,
} as const;

/** MAGIC_LINK.maxAgeSeconds in words, for the e-mail and the pages. */
export const MAGIC_LINK_VALIDITY = "une heure";

/** The one answer a visitor gets after asking for a link, whatever happened. */
export const MAGIC_LINK_CONFIRMATION = "Si un compte existe pour cette adresse, un lien de connexion vient d’y être envoyé.";

export type MagicLinkRequestDecision = "send" | "unknown" | "disabled" | "rate_limited";

export const normalizeEmail = (email: string) => email.trim().toLowerCase();

/**
 * Whether a link may be sent to this address now: only to an existing, enabled account, and at
 * most MAGIC_LINK.maxRequests times per window. Decided by the job, off the request path: the
 * visitor's request does the same work and gets the same answer for every address.
 * `tokenHash` is the link being decided, left out of the count whether or not it is stored yet.
 */
export async function decideMagicLinkRequest(
  db: Db,
  email: string,
  tokenHash: string,
  now = new Date(),
): Promise<MagicLinkRequestDecision> {
  const identifier = normalizeEmail(email);
  const user = await db.user.findUnique({ where: { email: identifier }, select: { disabledAt: true } });
  if (!user) return "unknown";
  if (user.disabledAt) return "disabled";
  // A token's request time is its expiry minus the link lifetime: no extra column needed.
  const requestedAfter = new Date(now.getTime() + MAGIC_LINK.maxAgeSeconds * 1000 - MAGIC_LINK.windowMinutes * 60_000);
  const recent = await db.verificationToken.count({ where: { identifier, token: { not: tokenHash }, expires: { gt: requestedAfter } } });
  return recent >= MAGIC_LINK.maxRequests ? "rate_limited" : "send";
}

/** next-auth stores sha256(token + secret), never the token of the link. */
export const hashVerificationToken = (token: string, secret: string) => createHash("sha256").update(`${token}${secret}`).digest("hex");

/** Where the e-mailed link leads: a page whose button signs in, so that mail scanners opening links use nothing up. */
export const SIGN_IN_LINK_PATH = "/connexion/lien";

/** The link next-auth built (/api/auth/callback/email?…), turned into our confirmation page's. */
export function confirmationLink(callbackUrl: string): string {
  const url = new URL(callbackUrl);
  return `${url.origin}${SIGN_IN_LINK_PATH}?${url.searchParams.toString()}`;
}

const linkParamsSchema = z.object({
  token: z.string().regex(/^[0-9a-f]{16,128}$/),
  email: z.email().max(254),
  callbackUrl: z.string().max(2_000).optional(),
});

/** What the confirmation page's button posts to next-auth, or null for a link that cannot be ours. */
export function signInLinkTarget(
  params: Record<string, string | string[] | undefined>,
): { action: string; email: string; callbackPath: string } | null {
  const parsed = linkParamsSchema.safeParse({ token: params.token, email: params.email, callbackUrl: params.callbackUrl });
  if (!parsed.success) return null;
  const callbackPath = safeCallbackPath(parsed.data.callbackUrl);
  const query = new URLSearchParams({ callbackUrl: callbackPath, token: parsed.data.token, email: parsed.data.email });
  return { action: `/api/auth/callback/email?${query}`, email: parsed.data.email, callbackPath };
}

export const signInLinkJob = defineJob({
  name: "sign-in-link",
  data: z.object({ email: z.email().max(254), url: z.url().max(2_000), expires: z.iso.datetime() }),
  // A lost sign-in link is worse than a late one, but one older than its validity is useless.
  retryLimit: 3,
  async run({ db }, { email, url, expires }) {
    const token = new URL(url).searchParams.get("token") ?? "";
    const decision = await decideMagicLinkRequest(db, email, hashVerificationToken(token, process.env.NEXTAUTH_SECRET ?? ""));
    if (decision !== "send") return;
    if (new Date(expires) <= new Date()) return;
    await sendMail(db, magicLinkMail({ to: email, url: confirmationLink(url), expires: new Date(expires) }));
  },
});

/** When a link is opened: its account must still exist and be enabled. */
export async function mayUseMagicLink(db: Db, email: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { email: normalizeEmail(email) }, select: { disabledAt: true } });
  return Boolean(user && !user.disabledAt);
}

const nbsp = "\u00a0";

export function magicLinkMail({ to, url, expires }: { to: string; url: string; expires: Date }): Mail {
  return {
    to,
    subject: "Votre lien de connexion à OpenCLS",
    text: [
      "Bonjour,",
      "",
      `Pour vous connecter à OpenCLS, ouvrez ce lien${nbsp}:`,
      url,
      "",
      `Il est valable ${MAGIC_LINK_VALIDITY}, jusqu’au ${formatDateTime(expires)} (heure de Paris), et ne sert qu’une fois.`,
      "",
      `Si vous n’avez pas demandé ce lien, ignorez ce message${nbsp}: personne ne peut se connecter à votre place sans lui.`,
      "",
      "OpenCLS, suivi des contrats locaux de santé",
    ].join("\n"),
  };
}
