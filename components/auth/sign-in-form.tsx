"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { AlertForm } from "@/components/forms/alert-form";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { signInErrorMessage } from "@/lib/auth/labels";
import { passwordSignInSchema } from "@/lib/auth/schema";

type FieldErrors = Partial<Record<"email" | "password", string>>;

export function SignInForm({ callbackPath }: { callbackPath: string }) {
  const router = useRouter();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const parsed = passwordSignInSchema.safeParse({ email: form.get("email"), password: form.get("password") });
    if (!parsed.success) {
      const errors: FieldErrors = {};
      for (const issue of parsed.error.issues) errors[issue.path[0] as keyof FieldErrors] ??= issue.message;
      setFieldErrors(errors);
      setError(undefined);
      return;
    }
    setFieldErrors({});
    setPending(true);
    const result = await signIn("credentials", { ...parsed.data, redirect: false, callbackUrl: callbackPath });
    setPending(false);
    if (!result || result.error) {
      setError(signInErrorMessage(result?.error ?? "unknown"));
      return;
    }
    router.push(callbackPath);
    router.refresh();
  }

  return (
    <AlertForm errorId="erreur-connexion" error={error} onSubmit={submit}>
      <TextField label="Adresse e-mail" name="email" type="email" autoComplete="email" required error={fieldErrors.email} />
      <TextField
        label="Mot de passe"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        error={fieldErrors.password}
      />
      <Button type="submit" disabled={pending} className="w-full sm:w-auto">
        {pending ? "Connexion…" : "Se connecter"}
      </Button>
    </AlertForm>
  );
}
