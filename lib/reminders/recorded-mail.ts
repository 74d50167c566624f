// How a reminder e-mail leaves (daily and weekly alike): recorded as a MailDelivery row in the
// transaction that sends it, so that a retry or a second worker sends nothing twice, with the
// one-click unsubscribe link of its kind (RFC 8058) in its headers and its footer.
import type { Tx } from "@/lib/db/client";
import { appUrl } from "@/lib/mail/app-url";
import { sendMail } from "@/lib/mail/send";
import { oneClickHeaders, unsubscribePath, type MailKind } from "@/lib/notifications/unsubscribe";

type Env = Record<string, string | undefined>;

const FOOTERS: Record<MailKind, { why: string; stop: string }> = {
  daily: { why: "Vous recevez ce récapitulatif les jours où vous avez de nouvelles notifications.", stop: "Ne plus le recevoir" },
  weekly: { why: "Vous recevez cette synthèse chaque lundi.", stop: "Ne plus la recevoir" },
};

/**
 * Sends `body` (the lines above the footer) to the user unless the e-mail of this kind and
 * period is already recorded; false then. A failed send throws, and the caller's transaction
 * rolls the record back with everything else.
 */
export async function sendRecordedMail(
  tx: Tx,
  {
    userId,
    to,
    kind,
    period,
    subject,
    body,
  }: { userId: string; to: string; kind: MailKind; period: string; subject: string; body: string[] },
  env: Env,
): Promise<boolean> {
  const inserted = await tx.$executeRaw`
    INSERT INTO "MailDelivery" ("userId", "kind", "period") VALUES (${userId}::uuid, ${kind}, ${period})
    ON CONFLICT DO NOTHING`;
  if (inserted === 0) return false;
  const unsubscribeUrl = appUrl(unsubscribePath(userId, kind, env), env);
  const footer = [
    "",
    "—",
    FOOTERS[kind].why,
    `${FOOTERS[kind].stop}\u00a0: ${unsubscribeUrl}`,
    `Choisir vos e-mails\u00a0: ${appUrl("/notifications/preferences", env)}`,
  ];
  await sendMail(tx, { to, subject, text: [...body, ...footer].join("\n"), headers: oneClickHeaders(unsubscribeUrl) }, env);
  return true;
}
