import { z } from "zod";

export const createRegionSchema = z.object({
  name: z.string({ error: "Saisissez le nom de la région." }).trim().min(2, "Saisissez le nom de la région.").max(120, "120 caractères au plus."),
  inseeCode: z.string({ error: "Saisissez le code INSEE de la région." }).trim().regex(/^\d{2,3}$/, "Le code INSEE d’une région compte 2 ou 3 chiffres, par exemple 84."),
});
