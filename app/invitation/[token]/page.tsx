import type { Metadata } from "next";
import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { AcceptInvitationForm } from "@/components/invitations/accept-invitation-form";
import { RegisterWithInvitationForm } from "@/components/invitations/register-with-invitation-form";
import { Alert } from "@/components/ui/alert";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { currentActor } from "@/lib/auth/session";
import { formatDateTime } from "@/lib/format";
import { findInvitationPage } from "@/lib/invitations/queries";
import { acceptInvitationAction, registerWithInvitationAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Invitation", robots: { index: false } };

type Props = { params: Promise<{ token: string }> };

export default async function InvitationPage({ params }: Props) {
  const { token } = await params;
  const actor = await currentActor();
  const invitation = await findInvitationPage(actor, token);

  if (!invitation) {
    return (
      <>
        <PageHeader title="Invitation introuvable" />
        <div className="mx-auto max-w-3xl px-4 py-8 sm:px-6">
          <p className="text-slate-700">
            Ce lien n’est plus valable&#8239;: l’invitation a peut-être expiré, été retirée ou déjà été acceptée. Demandez une nouvelle
            invitation à la personne qui coordonne votre contrat.
          </p>
          <p className="mt-4">
            <Link href="/connexion">Se connecter</Link>
          </p>
        </div>
      </>
    );
  }

  const callbackUrl = `/invitation/${token}`;
  return (
    <>
      <PageHeader title="Invitation à rejoindre OpenCLS">
        <p>
          Rôle «&nbsp;{invitation.roleLabel}&nbsp;» · {invitation.scopeLabel}
        </p>
      </PageHeader>
      <div className="mx-auto max-w-3xl px-4 py-8 sm:px-6">
        <Section
          id="invitation"
          title={`Invitation pour ${invitation.email}`}
          description={`Valable jusqu’au ${formatDateTime(invitation.expiresAt)}.`}
        >
          {actor.email === invitation.email ? (
            <AcceptInvitationForm action={acceptInvitationAction} token={token} landingPath={invitation.landingPath} />
          ) : actor.userId ? (
            <div className="space-y-4">
              <Alert>
                La session ouverte est celle de {actor.email}, mais cette invitation est adressée à {invitation.email}. Déconnectez-vous,
                puis connectez-vous avec la bonne adresse.
              </Alert>
              <SignOutButton callbackUrl={`/connexion?callbackUrl=${encodeURIComponent(callbackUrl)}`} />
            </div>
          ) : invitation.accountExists ? (
            <p>
              Un compte existe déjà pour cette adresse.{" "}
              <Link href={`/connexion?callbackUrl=${encodeURIComponent(callbackUrl)}`}>Connectez-vous pour accepter l’invitation</Link>.
            </p>
          ) : (
            <RegisterWithInvitationForm
              action={registerWithInvitationAction}
              token={token}
              email={invitation.email}
              landingPath={invitation.landingPath}
            />
          )}
        </Section>
      </div>
    </>
  );
}
