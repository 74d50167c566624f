import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { MagicLinkForm } from "@/components/auth/magic-link-form";
import { ProConnectButton } from "@/components/auth/proconnect-button";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { safeCallbackPath } from "@/lib/auth/callback-path";
import { signInErrorMessage } from "@/lib/auth/labels";
import { MAGIC_LINK_VALIDITY } from "@/lib/auth/magic-link";
import { signInMethods } from "@/lib/auth/methods";
import { currentActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Connexion" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string; methode?: string }> };

/** The e-mail card shows the password form, or (?methode=lien) the form asking for a link. */
function signInHref(callbackPath: string, method?: "lien"): string {
  const params = new URLSearchParams();
  if (method) params.set("methode", method);
  if (callbackPath !== safeCallbackPath(undefined)) params.set("callbackUrl", callbackPath);
  const query = params.toString();
  return query ? `/connexion?${query}` : "/connexion";
}

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, error, methode } = await searchParams;
  const callbackPath = safeCallbackPath(callbackUrl);
  if ((await currentActor()).userId) redirect(callbackPath);

  const methods = signInMethods();
  // An expired or used link brings the visitor back here: offer a new one straight away.
  const linkMode = methods.magicLink && (methode === "lien" || error === "Verification");
  const errorMessage = signInErrorMessage(error);

  return (
    <>
      <PageHeader title="Connexion">
        <p>
          Coordinateurs, agents des ARS, contributeurs et partenaires des contrats locaux de santé&nbsp;: connectez-vous à votre espace.
        </p>
      </PageHeader>
      <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        {errorMessage ? (
          <div className="mb-6 max-w-md">
            <Alert>{errorMessage}</Alert>
          </div>
        ) : null}
        <div className={`grid items-start gap-6 ${methods.proConnect ? "lg:max-w-4xl lg:grid-cols-2" : "max-w-md"}`}>
          {methods.proConnect ? (
            <section className="rounded-lg border border-slate-200 bg-white p-6 sm:p-8">
              <h2 className="text-xl font-semibold text-slate-900">Agents publics</h2>
              <p className="mb-5 mt-2 text-slate-700">Connectez-vous avec le compte de votre administration, sans créer de mot de passe.</p>
              <ProConnectButton callbackPath={callbackPath} />
            </section>
          ) : null}
          {/* Not a named region: "Adresse e-mail" must name the e-mail field alone. */}
          <section className="rounded-lg border border-slate-200 bg-white p-6 sm:p-8">
            <h2 className="mb-5 text-xl font-semibold text-slate-900">Avec votre adresse e-mail</h2>
            {linkMode ? (
              <>
                <p className="-mt-2 mb-5 text-slate-700">
                  Recevez un lien de connexion, valable {MAGIC_LINK_VALIDITY}&nbsp;: aucun mot de passe n’est nécessaire.
                </p>
                <MagicLinkForm callbackPath={callbackPath} autoFocus={methode === "lien"} />
                <p className="mt-6 border-t border-slate-200 pt-5 text-sm">
                  <Link href={signInHref(callbackPath)}>Se connecter avec un mot de passe</Link>
                </p>
              </>
            ) : (
              <>
                <SignInForm callbackPath={callbackPath} />
                {methods.magicLink ? (
                  <p className="mt-6 border-t border-slate-200 pt-5 text-sm text-slate-700">
                    Pas de mot de passe, ou oublié&nbsp;?{" "}
                    <Link href={signInHref(callbackPath, "lien")}>Recevoir un lien de connexion par e-mail</Link>
                  </p>
                ) : null}
              </>
            )}
          </section>
        </div>
        <p className="mt-6 max-w-md text-sm text-slate-600">Les pages publiques des contrats restent consultables sans compte.</p>
      </div>
    </>
  );
}
