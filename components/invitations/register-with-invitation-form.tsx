"use client";

// Creates the account an invitation is addressed to, then signs in with it.
import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormMessages } from "@/components/forms/form-messages";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { ServerAction } from "@/lib/actions/server-action";
import { registerWithInvitationSchema } from "@/lib/invitations/schema";

export function RegisterWithInvitationForm({
  action,
  token,
  email,
  landingPath,
}: {
  action: ServerAction<{ email: string; territoryId: string | null }>;
  token: string;
  email: string;
  landingPath: string;
}) {
  const router = useRouter();
  const [signInError, setSignInError] = useState<string>();
  const { formRef, onSubmit, pending, fieldErrors, error } = useActionForm(action, {
    schema: registerWithInvitationSchema,
    async onSuccess(result) {
      const password = new FormData(formRef.current!).get("password");
      const signedIn = await signIn("credentials", { email: result.data.email, password, redirect: false });
      if (signedIn?.ok && !signedIn.error) {
        router.push(landingPath);
        router.refresh();
      } else {
        setSignInError(
          "Votre compte est créé, mais la connexion automatique a échoué\u00a0: connectez-vous avec votre adresse et votre mot de passe.",
        );
      }
    },
  });
  return (
    <form ref={formRef} noValidate onSubmit={onSubmit} className="space-y-5">
      <FormMessages fieldErrors={fieldErrors} error={signInError ?? error} />
      <input type="hidden" name="token" value={token} />
      <TextField label="Adresse e-mail" value={email} readOnly disabled hint="L’adresse à laquelle l’invitation a été envoyée." />
      <TextField label="Prénom et nom" name="name" autoComplete="name" required error={fieldErrors.name} />
      <TextField
        label="Mot de passe"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="Au moins 12 caractères."
        error={fieldErrors.password}
      />
      <TextField
        label="Confirmation du mot de passe"
        name="passwordConfirmation"
        type="password"
        autoComplete="new-password"
        required
        error={fieldErrors.passwordConfirmation}
      />
      <Button type="submit" disabled={pending}>
        {pending ? "Création…" : "Créer mon compte et accepter"}
      </Button>
    </form>
  );
}
