import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { MAGIC_LINK_CONFIRMATION, MAGIC_LINK_VALIDITY } from "@/lib/auth/magic-link";
import { DEV_MAILBOX_PATH } from "@/lib/mail/dev-mailbox";
import { isDevelopmentMode } from "@/lib/mail/send";

export const metadata: Metadata = { title: "Vérifiez votre messagerie" };
export const dynamic = "force-dynamic";

/** next-auth's verifyRequest page: the same words whether or not a link left. */
export default function VerifyRequestPage() {
  return (
    <>
      <PageHeader title="Vérifiez votre messagerie" />
      <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        <div className="max-w-2xl space-y-5 text-slate-800">
          <Alert tone="info">{MAGIC_LINK_CONFIRMATION}</Alert>
          <p>Ouvrez-le pour vous connecter&nbsp;: il est valable {MAGIC_LINK_VALIDITY} et ne sert qu’une fois.</p>
          <p>
            Rien reçu après quelques minutes&nbsp;? Regardez dans les courriers indésirables, vérifiez l’adresse saisie, puis{" "}
            <Link href="/connexion?methode=lien">demandez un nouveau lien</Link>.
          </p>
          {isDevelopmentMode() ? (
            <p className="rounded-md border border-dashed border-slate-400 bg-white px-4 py-3 text-sm text-slate-700">
              Mode développement&nbsp;: aucun e-mail ne part sans serveur SMTP. Les messages sont gardés dans la{" "}
              <Link href={DEV_MAILBOX_PATH}>boîte de développement</Link>, réservée aux administrateurs de la plateforme.
            </p>
          ) : null}
          <p>
            <Link href="/connexion">Revenir à la connexion</Link>
          </p>
        </div>
      </div>
    </>
  );
}
