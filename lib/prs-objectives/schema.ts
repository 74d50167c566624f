// Inputs of a region's PRS objectives, kept by its ARS: a code as the PRS numbers them and a
// label. Prisma-free: the management page's forms validate with these schemas too.
import { z } from "zod";
import { checkbox, requiredText, uuidField, versionField } from "@/lib/validation/fields";

/** Longest label and code (the columns' sizes). */
export const PRS_LABEL_MAX = 500;
export const PRS_CODE_MAX = 20;
/** A region's list at most (a PRS states a few dozen): the management page lists them all. */
export const PRS_OBJECTIVES_MAX = 500;

const prsObjectiveFields = {
  code: z
    .string()
    .trim()
    .max(PRS_CODE_MAX, `${PRS_CODE_MAX} caractères au plus.`)
    .regex(/^[\p{L}\p{N}.\-/ ]*$/u, "Des lettres, des chiffres, des points, des tirets ou des barres obliques, par exemple 2.3.")
    .transform((code) => code || null),
  label: requiredText("Saisissez l’intitulé de l’objectif.", PRS_LABEL_MAX, { min: 3 }),
};

export const createPrsObjectiveSchema = z.object({ regionId: uuidField("Région inconnue."), ...prsObjectiveFields });

export const updatePrsObjectiveSchema = z.object({
  prsObjectiveId: uuidField("Objectif inconnu."),
  version: versionField,
  ...prsObjectiveFields,
});

/** Archiving takes an objective out of the fiches' choices; restoring puts it back. */
export const archivePrsObjectiveSchema = z.object({
  prsObjectiveId: uuidField("Objectif inconnu."),
  version: versionField,
  archived: checkbox,
});

export type PrsObjectiveFields = { code: string | null; label: string };
