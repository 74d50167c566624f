"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { AlertForm } from "@/components/forms/alert-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { signInErrorMessage, VERIFY_REQUEST_PATH } from "@/lib/auth/labels";
import { emailSchema } from "@/lib/auth/schema";

/** Asks for a sign-in link by e-mail; whatever the server did, the visitor goes to the same page. */
export function MagicLinkForm({ callbackPath, autoFocus = false }: { callbackPath: string; autoFocus?: boolean }) {
  const router = useRouter();
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = emailSchema.safeParse(new FormData(event.currentTarget).get("email"));
    if (!parsed.success) {
      setFieldError(parsed.error.issues[0]?.message);
      setError(undefined);
      return;
    }
    setFieldError(undefined);
    setPending(true);
    const result = await signIn("email", { email: parsed.data, redirect: false, callbackUrl: callbackPath });
    if (!result || result.error) {
      setPending(false);
      setError(signInErrorMessage(result?.error ?? "EmailSignin"));
      return;
    }
    router.push(VERIFY_REQUEST_PATH);
  }

  return (
    <AlertForm errorId="erreur-lien" error={error} onSubmit={submit}>
      <TextField label="Adresse e-mail" name="email" type="email" autoComplete="email" required autoFocus={autoFocus} error={fieldError} />
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {pending ? "Envoi…" : "Envoyer le lien de connexion"}
      </Button>
    </AlertForm>
  );
}
