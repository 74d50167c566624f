// The weekly digest, on Mondays: for one user, their unread notifications, what falls due on
// the fiches they pilot and their organisation's commitments still open. It reads through the
// same queries as the pages ("Mes fiches", "Mes engagements"), as the user, so it shows nothing
// they could not open. Sent once per user and week, like the daily e-mail (./daily-mail.ts).
import { actorForUser } from "@/lib/auth/actor";
import { COMMITMENT_STATUS_LABELS } from "@/lib/commitments/labels";
import { listPartnerCommitments } from "@/lib/commitments/queries";
import { ficheLabel } from "@/lib/contracts/labels";
import type { Db } from "@/lib/db/client";
import { listPilotedFiches } from "@/lib/fiches/queries";
import { formatCount, formatDate } from "@/lib/format";
import { appUrl } from "@/lib/mail/app-url";
import { mailTransport } from "@/lib/mail/send";
import { notificationKindOf } from "@/lib/notifications/kinds";
import { sendRecordedMail } from "./recorded-mail";

export type DigestOutcome = "sent" | "nothing" | "declined" | "alreadySent" | "noTransport";

type Env = Record<string, string | undefined>;

const UNREAD_LISTED = 10;

export async function sendWeeklyDigest(db: Db, userId: string, week: string, today: Date, env: Env = process.env): Promise<DigestOutcome> {
  if (mailTransport(env) === "none") return "noTransport";
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { email: true, name: true, disabledAt: true, mailPreference: { select: { weeklyDigest: true } } },
  });
  if (!user || user.disabledAt || user.mailPreference?.weeklyDigest === false) return "declined";
  const actor = await actorForUser(userId);
  const [unread, unreadCount, fiches, commitments] = await Promise.all([
    db.notification.findMany({
      where: { userId, readAt: null },
      orderBy: { createdAt: "desc" },
      take: UNREAD_LISTED,
      select: { kind: true, title: true, context: true },
    }),
    db.notification.count({ where: { userId, readAt: null } }),
    listPilotedFiches(actor, { page: 1 }, today),
    listPartnerCommitments(actor, { page: 1 }),
  ]);
  const dueFiches = fiches.entries.filter((fiche) => fiche.due.length > 0);
  const openCommitments = commitments.entries.filter((commitment) => !["completed", "abandoned"].includes(commitment.status));
  if (unreadCount === 0 && dueFiches.length === 0 && openCommitments.length === 0) return "nothing";

  const body = [
    `Bonjour${user.name ? ` ${user.name}` : ""},`,
    "",
    "Voici votre synthèse de la semaine sur OpenCLS.",
    ...(unreadCount
      ? [
          "",
          `${formatCount(unreadCount, "notification non lue", "notifications non lues")}\u00a0:`,
          ...unread.map(
            (notice) => `- ${notificationKindOf(notice.kind).label}\u00a0: ${notice.title}${notice.context ? ` (${notice.context})` : ""}`,
          ),
          ...(unreadCount > unread.length ? ["- …"] : []),
          appUrl("/notifications", env),
        ]
      : []),
    ...(dueFiches.length
      ? [
          "",
          "Les fiches que vous pilotez\u00a0: ce qui arrive à échéance dans les 30 jours ou est en retard",
          ...dueFiches.flatMap((fiche) => [
            `- ${ficheLabel(fiche.number)}\u00a0: ${fiche.title} (${fiche.contract.territory.name})`,
            ...fiche.due.map((item) => `  ${item.overdue ? "En retard" : "À venir"} · ${item.label} · ${formatDate(item.dueOn)}`),
          ]),
          ...(fiches.total > fiches.entries.length ? ["- …"] : []),
          appUrl("/fiches", env),
        ]
      : []),
    ...(openCommitments.length
      ? [
          "",
          "Les engagements de votre organisation en cours",
          ...openCommitments.map(
            (commitment) =>
              `- ${ficheLabel(commitment.fiche.number)} (${commitment.fiche.contract.territory.name})\u00a0: ${commitment.description} · ${COMMITMENT_STATUS_LABELS[commitment.status]}, ${commitment.progress}\u202f% · ${commitment.reportedAt ? `dernier point le ${formatDate(commitment.reportedAt)}` : "aucun point d’avancement"}`,
          ),
          ...(commitments.total > commitments.entries.length ? ["- …"] : []),
          appUrl("/engagements", env),
        ]
      : []),
  ];

  return db.$transaction(
    async (tx) => {
      const sent = await sendRecordedMail(
        tx,
        { userId, to: user.email, kind: "weekly", period: week, subject: "OpenCLS\u00a0: votre synthèse de la semaine", body },
        env,
      );
      if (!sent) return "alreadySent";
      return "sent";
    },
    { timeout: 60_000 },
  );
}
