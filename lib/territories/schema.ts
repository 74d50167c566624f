import { z } from "zod";
import { TerritoryKind } from "@/lib/db/generated/enums";
import { optionalText, requiredText, uuidField } from "@/lib/validation/fields";
import { sirenField } from "@/lib/organisations/schema";

export const createTerritorySchema = z.object({
  name: requiredText("Saisissez le nom du territoire.", 160, { min: 2 }),
  kind: z.enum(TerritoryKind, { error: "Choisissez le type de territoire." }),
  regionId: uuidField("Choisissez la région."),
  department: optionalText(80),
  inseeCode: optionalText(5).refine(
    (code) => code === null || /^(\d{5}|2[AB]\d{3})$/.test(code),
    "Un code INSEE de commune compte 5 caractères, par exemple 26281.",
  ),
  siren: sirenField,
});
