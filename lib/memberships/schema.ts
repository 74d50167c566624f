// Inputs of membership management, shared by the forms and the server actions.
import { z } from "zod";
import { MembershipRole } from "@/lib/db/generated/enums";
import { uuidField, versionField } from "@/lib/validation/fields";

/** Roles held on a territory: the ones a territory's coordinator hands out. */
export const TERRITORY_ROLES = ["coordinator", "contributor"] as const satisfies readonly MembershipRole[];
export type TerritoryRole = (typeof TERRITORY_ROLES)[number];

export const isTerritoryRole = (role: MembershipRole): role is TerritoryRole => (TERRITORY_ROLES as readonly string[]).includes(role);

export const roleField = z.enum(MembershipRole, { error: "Choisissez un rôle." });

export const changeMemberRoleSchema = z.object({
  membershipId: uuidField("Membre introuvable."),
  role: z.enum(TERRITORY_ROLES, { error: "Choisissez un rôle." }),
  version: versionField,
});

export const revokeMemberSchema = z.object({
  membershipId: uuidField("Membre introuvable."),
  version: versionField,
});
