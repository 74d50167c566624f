// Inputs of the sign-in forms, shared by the form (client validation) and the server.
import { z } from "zod";

export const emailSchema = z
  .string({ error: "Saisissez votre adresse e-mail." })
  .trim()
  .min(1, "Saisissez votre adresse e-mail.")
  .max(254, "Cette adresse e-mail est trop longue.")
  .pipe(z.email("Saisissez une adresse e-mail valide, par exemple nom@exemple.fr."))
  .transform((email) => email.toLowerCase());

export const passwordSignInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "Saisissez votre mot de passe." }).min(1, "Saisissez votre mot de passe.").max(200, "Ce mot de passe est trop long."),
});

export type PasswordSignInInput = z.infer<typeof passwordSignInSchema>;
