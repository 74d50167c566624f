// Inputs of the sign-in forms, shared by the form (client validation) and the server.
import { z } from "zod";

/** An e-mail address, trimmed and lower-cased (accounts are matched case-insensitively). */
export function emailField(missingMessage: string) {
  return z
    .string({ error: missingMessage })
    .trim()
    .min(1, missingMessage)
    .max(254, "Cette adresse e-mail est trop longue.")
    .pipe(z.email("Saisissez une adresse e-mail valide, par exemple nom@exemple.fr."))
    .transform((email) => email.toLowerCase());
}

export const emailSchema = emailField("Saisissez votre adresse e-mail.");

/** A new password: long enough to resist guessing, short enough for bcrypt (72 bytes). */
export const newPasswordSchema = z
  .string({ error: "Choisissez un mot de passe." })
  .min(12, "Le mot de passe doit compter au moins 12 caractères.")
  .refine(
    (password) => new TextEncoder().encode(password).length <= 72,
    "Le mot de passe ne peut pas dépasser 72 caractères (moins avec des accents).",
  );

export const passwordSignInSchema = z.object({
  email: emailSchema,
  password: z
    .string({ error: "Saisissez votre mot de passe." })
    .min(1, "Saisissez votre mot de passe.")
    .max(200, "Ce mot de passe est trop long."),
});

export type PasswordSignInInput = z.infer<typeof passwordSignInSchema>;
