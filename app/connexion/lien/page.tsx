import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { signInLinkTarget } from "@/lib/auth/magic-link";

export const metadata: Metadata = {
  title: "Se connecter avec le lien reçu",
  robots: { index: false, follow: false },
  referrer: "same-origin",
};
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Where the e-mailed link leads. Opening it signs nobody in: mail scanners (common in hospitals
 * and agencies) open links before people do, and would use up a single-use link. Only the
 * button's POST does.
 */
export default async function SignInLinkPage({ searchParams }: Props) {
  const target = signInLinkTarget(await searchParams);
  return (
    <>
      <PageHeader title="Se connecter à OpenCLS" />
      <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        <div className="max-w-xl space-y-5 text-slate-800">
          {target ? (
            <form method="post" action={target.action} className="space-y-5 rounded-lg border border-slate-200 bg-white p-6 sm:p-8">
              <p>
                Vous allez vous connecter avec l’adresse <strong className="break-all">{target.email}</strong>.
              </p>
              <Button type="submit" className="w-full sm:w-auto">
                Me connecter
              </Button>
              <p className="text-sm text-slate-600">Ce lien ne sert qu’une fois&nbsp;: il est utilisé quand vous appuyez sur le bouton.</p>
            </form>
          ) : (
            <Alert>Ce lien de connexion est incomplet ou altéré. Demandez-en un nouveau.</Alert>
          )}
          <p>
            <Link href={`/connexion?methode=lien&callbackUrl=${encodeURIComponent(safeCallbackPath(target?.callbackPath))}`}>
              Demander un nouveau lien
            </Link>
          </p>
        </div>
      </div>
    </>
  );
}
