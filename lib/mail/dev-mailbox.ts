// The development mailbox: e-mails kept instead of sent when no SMTP server is configured. Only
// in development mode, and only for platform admins (the messages carry sign-in links).
import { z } from "zod";
import { assertCan, NotFoundError, type Actor } from "@/lib/authz";
import { getDb } from "@/lib/db/client";
import { isDevelopmentMode } from "./send";

export const DEV_MAILBOX_PATH = "/dev/boite-mail";
export const DEV_MAILBOX_LIMIT = 50;

export type DevEmailItem = { id: string; to: string; subject: string; text: string; headers: Array<[string, string]>; createdAt: Date };

const headersSchema = z.record(z.string(), z.string()).catch({});

/** The mailbox's filter: one recipient's address, exactly (a busy mailbox holds more than a page). */
export const devMailboxFilterSchema = z.object({
  to: z.string().trim().max(254).optional().catch(undefined),
});

/** The most recent kept e-mails, newest first, to one address if asked. Outside development mode the mailbox does not exist. */
export async function listDevEmails(
  actor: Actor,
  filter: z.infer<typeof devMailboxFilterSchema> = {},
  env: NodeJS.ProcessEnv = process.env,
): Promise<DevEmailItem[]> {
  if (!isDevelopmentMode(env)) throw new NotFoundError("No development mailbox outside development mode");
  assertCan(actor, "devMailbox.read");
  const emails = await getDb().devEmail.findMany({
    where: filter.to ? { to: { equals: filter.to, mode: "insensitive" } } : {},
    select: { id: true, to: true, subject: true, text: true, headers: true, createdAt: true },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: DEV_MAILBOX_LIMIT,
  });
  return emails.map((email) => ({ ...email, headers: Object.entries(headersSchema.parse(email.headers ?? {})) }));
}
