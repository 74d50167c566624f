// Inputs of the invitation flow, shared by the forms and the server actions.
import { z } from "zod";
import { emailField, newPasswordSchema } from "@/lib/auth/schema";
import type { MembershipRole } from "@/lib/db/generated/enums";
import { roleField } from "@/lib/memberships/schema";
import { optionalId, requiredText, uuidField, versionField } from "@/lib/validation/fields";

/** The scope field each role requires, as in the database's Invitation_scope_check. */
export const SCOPE_FIELD_OF_ROLE: Record<MembershipRole, "regionId" | "territoryId" | "organisationId" | null> = {
  platform_admin: null,
  ars_officer: "regionId",
  coordinator: "territoryId",
  contributor: "territoryId",
  partner: "organisationId",
};

/** An invitation to a role on its scope; the scope field required depends on the role. */
export const inviteSchema = z
  .object({
    email: emailField("Saisissez l’adresse e-mail de la personne à inviter."),
    role: roleField,
    regionId: optionalId,
    territoryId: optionalId,
    organisationId: optionalId,
  })
  .superRefine((input, context) => {
    const required = SCOPE_FIELD_OF_ROLE[input.role];
    const messages = {
      regionId: "Choisissez la région.",
      territoryId: "Choisissez le territoire.",
      organisationId: "Choisissez l’organisation.",
    } as const;
    if (required && !input[required]) context.addIssue({ code: "custom", path: [required], message: messages[required] });
  })
  .transform((input) => {
    // Keep only the scope of the role, so that a stale hidden field never widens it.
    const scope = SCOPE_FIELD_OF_ROLE[input.role];
    return {
      email: input.email,
      role: input.role,
      regionId: scope === "regionId" ? input.regionId! : null,
      territoryId: scope === "territoryId" ? input.territoryId! : null,
      organisationId: scope === "organisationId" ? input.organisationId! : null,
    };
  });
export type InviteInput = z.infer<typeof inviteSchema>;

export const invitationTokenField = z
  .string({ error: "Lien d’invitation invalide." })
  .regex(/^[A-Za-z0-9_-]{43}$/, "Lien d’invitation invalide.");

export const acceptInvitationSchema = z.object({ token: invitationTokenField });

export const registerWithInvitationSchema = z
  .object({
    token: invitationTokenField,
    name: requiredText("Saisissez vos prénom et nom.", 160, { min: 2 }),
    password: newPasswordSchema,
    passwordConfirmation: z.string({ error: "Confirmez le mot de passe." }),
  })
  .refine((input) => input.password === input.passwordConfirmation, {
    path: ["passwordConfirmation"],
    message: "Les deux mots de passe ne sont pas identiques.",
  });

export const revokeInvitationSchema = z.object({ invitationId: uuidField("Invitation introuvable."), version: versionField });
