import { z } from "zod";
import { OrganisationKind } from "@/lib/db/generated/enums";
import { optionalId, requiredText } from "@/lib/validation/fields";
import { compactDigits, isValidSiren } from "./siren";

/** An optional SIREN, typed with or without spaces, checked with its Luhn key. */
export const sirenField = z
  .string()
  .optional()
  .transform((value) => (value ? compactDigits(value) : null))
  .refine(
    (siren) => siren === null || isValidSiren(siren),
    "Ce SIREN n’est pas valide\u00a0: 9 chiffres, dont le dernier est une clé de contrôle.",
  );

export const createOrganisationSchema = z.object({
  name: requiredText("Saisissez le nom de l’organisation.", 200, { min: 2 }),
  kind: z.enum(OrganisationKind, { error: "Choisissez le type d’organisation." }),
  siren: sirenField,
  regionId: optionalId.transform((id) => id ?? null),
});
