import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { PageHeader } from "@/components/ui/page-header";
import { safeCallbackPath, signInErrorMessage } from "@/lib/auth/labels";
import { currentActor } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Connexion" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ callbackUrl?: string; error?: string }> };

export default async function SignInPage({ searchParams }: Props) {
  const { callbackUrl, error } = await searchParams;
  const callbackPath = safeCallbackPath(callbackUrl);
  if ((await currentActor()).userId) redirect(callbackPath);

  return (
    <>
      <PageHeader title="Connexion">
        <p>Coordinateurs, agents des ARS, contributeurs et partenaires des contrats locaux de santé&nbsp;: connectez-vous à votre espace.</p>
      </PageHeader>
      <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        <div className="max-w-md rounded-lg border border-slate-200 bg-white p-6 sm:p-8">
          <h2 className="mb-5 text-xl font-semibold text-slate-900">Avec votre adresse e-mail</h2>
          <SignInForm callbackPath={callbackPath} initialError={signInErrorMessage(error)} />
        </div>
        <p className="mt-6 max-w-md text-sm text-slate-600">
          Les pages publiques des contrats restent consultables sans compte.
        </p>
      </div>
    </>
  );
}
