import { z } from "zod";
import { requiredText } from "@/lib/validation/fields";

export const createRegionSchema = z.object({
  name: requiredText("Saisissez le nom de la région.", 120, { min: 2 }),
  inseeCode: z
    .string({ error: "Saisissez le code INSEE de la région." })
    .trim()
    .regex(/^\d{2,3}$/, "Le code INSEE d’une région compte 2 ou 3 chiffres, par exemple 84."),
});
