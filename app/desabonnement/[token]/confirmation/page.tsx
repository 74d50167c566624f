import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/authz";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getUnsubscribeState } from "@/lib/notifications/queries";
import { MAIL_PREFERENCE_LABELS } from "@/lib/notifications/schema";
import { MAIL_KINDS } from "@/lib/notifications/unsubscribe";

export const metadata: Metadata = { title: "Se désabonner", robots: { index: false } };
export const dynamic = "force-dynamic";

type Props = { params: Promise<{ token: string }> };

/** What a reminder e-mail's unsubscribe link opens: a button that stops that e-mail, or the news that it is stopped. */
export default async function UnsubscribePage({ params }: Props) {
  const { token } = await params;
  const { kind, stopped } = await getUnsubscribeState(token).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const what = MAIL_PREFERENCE_LABELS[MAIL_KINDS[kind]].label.toLowerCase();

  return (
    <>
      <PageHeader title="Se désabonner" />
      <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        <div className="max-w-2xl space-y-4 rounded-lg border border-slate-200 bg-white p-4 sm:p-6">
          {stopped ? (
            <p role="status" className="text-slate-800">
              C’est fait&nbsp;: ce compte ne reçoit plus {what}. Les notifications restent visibles dans OpenCLS.
            </p>
          ) : (
            <form method="post" action={`/desabonnement/${token}`} className="space-y-4">
              <p className="text-slate-800">Ne plus recevoir {what} sur l’adresse de ce compte&nbsp;?</p>
              <input type="hidden" name="List-Unsubscribe" value="One-Click" />
              <Button type="submit">Confirmer le désabonnement</Button>
            </form>
          )}
          <p className="text-sm text-slate-600">
            Vous pourrez changer d’avis à tout moment dans vos <Link href="/notifications/preferences">préférences d’e-mail</Link>{" "}
            (connexion requise).
          </p>
        </div>
      </div>
    </>
  );
}
