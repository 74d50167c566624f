// Inputs of the invitation flow, shared by the forms and the server actions.
import { z } from "zod";
import { emailField, newPasswordSchema } from "@/lib/auth/schema";
import type { MembershipRole } from "@/lib/db/generated/enums";
import { roleField } from "@/lib/memberships/schema";
import { optionalId, requiredText, textChoices, uuidField, versionField } from "@/lib/validation/fields";

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

/** A département's code in the State's reference: "26", "2A", "971". */
const DEPARTMENT_CODE = /^(\d{2}|2[AB]|97\d)$/;

/**
 * An ARS officer's délégation départementale: départements of the region, none for all of them
 * (that they belong to the region is checked on the server, against the reference).
 */
export const departmentCodesField = textChoices({ maxItems: 20, maxLength: 3 }).refine(
  (codes) => codes.every((code) => DEPARTMENT_CODE.test(code)),
  "Choisissez des départements de la liste.",
);

/** An invitation to a role on its scope; the scope fields required depend on the role. */
export const inviteSchema = z
  .object({
    email: emailField("Saisissez l’adresse e-mail de la personne à inviter."),
    role: roleField,
    regionId: optionalId,
    territoryId: optionalId,
    organisationId: optionalId,
    departmentCodes: departmentCodesField,
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
      // Only an ARS officer's role is limited to départements.
      departmentCodes: input.role === "ars_officer" ? [...input.departmentCodes].sort() : [],
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
