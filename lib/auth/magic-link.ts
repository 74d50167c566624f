// Sign-in links sent by e-mail (next-auth's email provider): who may get one, how often, and the
// French message. The limit is counted from VerificationToken rows, so it holds across instances.
import type { Db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format";
import type { Mail } from "@/lib/mail/send";

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
 * most MAGIC_LINK.maxRequests times per window. The visitor sees the same page in every case.
 */
export async function decideMagicLinkRequest(db: Db, email: string, now = new Date()): Promise<MagicLinkRequestDecision> {
  const identifier = normalizeEmail(email);
  const user = await db.user.findUnique({ where: { email: identifier }, select: { disabledAt: true } });
  if (!user) return "unknown";
  if (user.disabledAt) return "disabled";
  // A token's request time is its expiry minus the link lifetime: no extra column needed.
  const requestedAfter = new Date(now.getTime() + MAGIC_LINK.maxAgeSeconds * 1000 - MAGIC_LINK.windowMinutes * 60_000);
  const recent = await db.verificationToken.count({ where: { identifier, expires: { gt: requestedAfter } } });
  return recent >= MAGIC_LINK.maxRequests ? "rate_limited" : "send";
}

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
