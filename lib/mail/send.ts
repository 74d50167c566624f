// Outgoing e-mail: SMTP when SMTP_URL is set; otherwise, in development mode, the message is
// printed in the server log and kept in the development mailbox (DevEmail) instead of sent.
import nodemailer from "nodemailer";
import type { Db, Tx } from "@/lib/db/client";

/** Environment variables, as process.env or a test's plain object. */
type Env = Record<string, string | undefined>;

export type MailTransport = "smtp" | "devMailbox" | "none";

export type Mail = {
  to: string;
  subject: string;
  text: string;
  /** Headers beyond to and subject, e.g. List-Unsubscribe (RFC 8058). */
  headers?: Record<string, string>;
};

/**
 * Development mode is the zero-setup run (embedded database) and `npm run dev`: `npm start` sets
 * OPENCLS_DEVELOPMENT_MODE=1 for them. A deployment on DATABASE_URL without SMTP sends nothing.
 */
export function isDevelopmentMode(env: Env = process.env): boolean {
  return env.OPENCLS_DEVELOPMENT_MODE === "1" || env.NODE_ENV === "development";
}

export function mailTransport(env: Env = process.env): MailTransport {
  if (env.SMTP_URL?.trim()) return "smtp";
  return isDevelopmentMode(env) ? "devMailbox" : "none";
}

let smtp: nodemailer.Transporter | undefined;

/**
 * Sends (or keeps, in development) one message. Returns false when no transport is configured.
 * Given a transaction, the development mailbox keeps the message only if the transaction commits.
 */
export async function sendMail(db: Db | Tx, mail: Mail, env: Env = process.env): Promise<boolean> {
  switch (mailTransport(env)) {
    case "smtp":
      // Well under the 60 s of the transactions that send reminders (lib/reminders): a stalled
      // server fails the send, the transaction rolls back and the job is retried, rather than the
      // transaction expiring while the message may still leave.
      smtp ??= nodemailer.createTransport({
        url: env.SMTP_URL!.trim(),
        connectionTimeout: 15_000,
        greetingTimeout: 15_000,
        socketTimeout: 20_000,
      });
      await smtp.sendMail({ from: env.MAIL_FROM?.trim() || "OpenCLS <no-reply@opencls.localhost>", ...mail });
      return true;
    case "devMailbox":
      await db.devEmail.create({ data: { to: mail.to, subject: mail.subject, text: mail.text, headers: mail.headers } });
      console.log(`opencls: e-mail to ${mail.to} kept in the development mailbox (/dev/boite-mail): ${mail.subject}\n${mail.text}`);
      return true;
    case "none":
      console.warn(`opencls: no SMTP_URL configured, e-mail to ${mail.to} not sent: ${mail.subject}`);
      return false;
  }
}
