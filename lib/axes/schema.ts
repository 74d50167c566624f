import { z } from "zod";
import { checkbox, optionalText, requiredText, uuidField, versionField } from "@/lib/validation/fields";

const axisFields = {
  title: requiredText("Saisissez l’intitulé de l’axe.", 300),
  description: optionalText(5000, { multiline: true }),
  isTransversal: checkbox,
};

/** An axis's own columns, as its form edits them (a renewal copies each: lib/renewal). */
export type AxisFieldName = keyof typeof axisFields;

export const createAxisSchema = z.object({ contractId: uuidField("Contrat introuvable."), ...axisFields });
export const updateAxisSchema = z.object({ axisId: uuidField("Axe introuvable."), version: versionField, ...axisFields });
export const moveAxisSchema = z.object({ axisId: uuidField("Axe introuvable."), direction: z.enum(["up", "down"]) });
export const deleteAxisSchema = z.object({ axisId: uuidField("Axe introuvable."), version: versionField });
