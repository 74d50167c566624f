// Inputs of the invitation flow, shared by the forms and the server actions.
import { z } from "zod";
import { emailField, newPasswordSchema } from "@/lib/auth/schema";
import type { MembershipRole } from "@/lib/db/generated/enums";
import { roleField } from "@/lib/memberships/schema";
import { optionalId, requiredText, uuidField, versionField } from "@/lib/validation/fields";

type ScopeField = "regionId" | "territoryId" | "organisationId";

/** The scope fields each role requires, as in the database's Invitation_scope_check. */
export const SCOPE_FIELDS_OF_ROLE: Record<MembershipRole, readonly ScopeField[]> = {
  platform_admin: [],
  ars_officer: ["regionId"],
  coordinator: ["territoryId"],
  contributor: ["territoryId"],
  // A partner is invited by one territory, for one organisation's commitments there.
  partner: ["territoryId", "organisationId"],
  national_reader: [],
};

const MISSING_SCOPE: Record<ScopeField, string> = {
  regionId: "Choisissez la région.",
  territoryId: "Choisissez le territoire.",
  organisationId: "Choisissez l’organisation.",
};

/** An invitation to a role on its scope; the scope fields required depend on the role. */
export const inviteSchema = z
  .object({
    email: emailField("Saisissez l’adresse e-mail de la personne à inviter."),
    role: roleField,
    regionId: optionalId,
    territoryId: optionalId,
    organisationId: optionalId,
  })
  .superRefine((input, context) => {
    for (const field of SCOPE_FIELDS_OF_ROLE[input.role]) {
      if (!input[field]) context.addIssue({ code: "custom", path: [field], message: MISSING_SCOPE[field] });
    }
  })
  .transform((input) => {
    // Keep only the scope of the role, so that a stale hidden field never widens it.
    const scope = SCOPE_FIELDS_OF_ROLE[input.role];
    const kept = (field: ScopeField) => (scope.includes(field) ? input[field]! : null);
    return {
      email: input.email,
      role: input.role,
      regionId: kept("regionId"),
      territoryId: kept("territoryId"),
      organisationId: kept("organisationId"),
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
