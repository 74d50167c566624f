import type { Metadata } from "next";
import Link from "next/link";
import { ActionButton } from "@/components/forms/action-button";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requireSignedIn } from "@/lib/auth/require";
import { formatCount, formatDate, formatDateTime } from "@/lib/format";
import { notificationKindOf } from "@/lib/notifications/kinds";
import { listNotifications } from "@/lib/notifications/queries";
import { listHref, PAGE_SIZE, readListParams } from "@/lib/params/list-params";
import { markAllNotificationsReadAction, markNotificationReadAction } from "./actions";

export const metadata: Metadata = { title: "Notifications" };
export const dynamic = "force-dynamic";

const capitalized = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NotificationsPage({ searchParams }: Props) {
  const actor = await requireSignedIn("/notifications");
  const { page } = readListParams(await searchParams);
  const { notifications, total, unread } = await listNotifications(actor, { page });

  return (
    <>
      <PageHeader title="Notifications">
        <p>
          Ce qui arrive à échéance dans vos fiches et les engagements de votre organisation, et ce qui attend votre réponse.{" "}
          <Link href="/notifications/preferences">Choisir les e-mails que vous recevez</Link>
        </p>
      </PageHeader>
      <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="notifications" className="text-xl font-semibold text-slate-900">
            {formatCount(total, "notification", "notifications")}
            {unread ? <span className="font-normal text-slate-600">, dont {formatCount(unread, "non lue", "non lues")}</span> : null}
          </h2>
          {unread ? (
            <ActionButton
              action={markAllNotificationsReadAction}
              fields={{ userId: actor.userId! }}
              label="Tout marquer comme lu"
              announceSuccess
            >
              Tout marquer comme lu
            </ActionButton>
          ) : null}
        </div>
        {notifications.length ? (
          <ul className="mt-4 space-y-3" aria-labelledby="notifications">
            {notifications.map((notification) => {
              const kind = notificationKindOf(notification.kind);
              return (
                <li
                  key={notification.id}
                  className={`rounded-lg border border-slate-200 bg-white p-4 sm:p-5 ${notification.readAt ? "" : "border-l-4 border-l-brand-700"}`}
                >
                  <p className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
                    {notification.readAt ? null : <Badge tone="brand">Non lue</Badge>}
                    <span>{kind.label}</span>
                  </p>
                  <p className="mt-1 font-semibold text-slate-900">
                    <Link href={notification.href}>{notification.title}</Link>
                  </p>
                  {notification.context ? <p className="mt-1 text-sm text-slate-700">{notification.context}</p> : null}
                  <div className="mt-2 flex flex-wrap items-center justify-between gap-2 text-sm text-slate-600">
                    <p>
                      {notification.dueOn ? (
                        <>
                          {capitalized(kind.dateLabel)} {formatDate(notification.dueOn)}
                          <br />
                        </>
                      ) : null}
                      Notifiée le <time dateTime={notification.createdAt.toISOString()}>{formatDateTime(notification.createdAt)}</time>
                    </p>
                    {notification.readAt ? null : (
                      <ActionButton
                        action={markNotificationReadAction}
                        fields={{ notificationId: notification.id }}
                        label={`Marquer comme lue\u00a0: ${notification.title}`}
                        announceSuccess
                      >
                        Marquer comme lue
                      </ActionButton>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        ) : (
          <p className="mt-4 text-slate-700">
            {total
              ? "Aucune notification sur cette page."
              : "Aucune notification pour le moment. Quand une mesure, un jalon, un bilan ou un engagement qui vous concerne arrive à échéance, il apparaît ici."}
          </p>
        )}
        <Pagination
          page={page}
          pageCount={Math.ceil(total / PAGE_SIZE)}
          href={(target) => listHref("/notifications", {}, target, "notifications")}
          label="Pages de vos notifications"
        />
      </div>
    </>
  );
}
