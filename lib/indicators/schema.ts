// Inputs of indicators and their measurements, shared by the forms and the server actions.
import { z } from "zod";
import { CollectionFrequency, IndicatorDirection, IndicatorLevel } from "@/lib/db/generated/enums";
import { optionalDate, optionalText, requiredText, uuidField, versionField } from "@/lib/validation/fields";

const DECIMAL = /^-?\d{1,14}(\.\d{1,4})?$/;
const toDecimal = (value: string) => value.replace(/[\s\u00a0\u202f]/g, "").replace(",", ".");

/** A number typed the French way ("12,5", "1 250"), up to 4 decimals. */
export const decimalField = (missing: string) =>
  z
    .string({ error: missing })
    .transform(toDecimal)
    .refine((value) => value !== "", missing)
    .refine((value) => value === "" || DECIMAL.test(value), "Saisissez un nombre, par exemple 12,5.")
    .transform(Number);

const optionalDecimal = z
  .string()
  .optional()
  .transform((value) => toDecimal(value ?? ""))
  .refine((value) => value === "" || DECIMAL.test(value), "Saisissez un nombre, par exemple 12,5.")
  .transform((value) => (value === "" ? null : Number(value)));

const optionalUuid = z
  .string()
  .optional()
  .transform((value) => value || null)
  .pipe(z.uuid({ error: "Choix invalide." }).nullable());

const indicatorFields = {
  name: requiredText("Saisissez le nom de l’indicateur.", 300),
  level: z.enum(IndicatorLevel, { error: "Choisissez le type d’indicateur." }),
  unit: optionalText(60),
  direction: z.enum(IndicatorDirection, { error: "Choisissez le sens d’évolution souhaité." }),
  baselineValue: optionalDecimal,
  baselineOn: optionalDate,
  targetValue: optionalDecimal,
  targetOn: optionalDate,
  frequency: z.enum(CollectionFrequency, { error: "Choisissez la fréquence de collecte." }),
  dataSource: optionalText(300),
  ownerId: optionalUuid,
  objectiveId: optionalUuid,
};

export const createIndicatorSchema = z.object({ ficheId: uuidField("Fiche introuvable."), ...indicatorFields });
export const updateIndicatorSchema = z.object({ indicatorId: uuidField("Indicateur introuvable."), version: versionField, ...indicatorFields });
export const deleteIndicatorSchema = z.object({ indicatorId: uuidField("Indicateur introuvable."), version: versionField });

export const addMeasurementSchema = z.object({
  indicatorId: uuidField("Indicateur introuvable."),
  measuredOn: optionalDate.refine((date) => date !== null, "Saisissez la date de la mesure."),
  value: decimalField("Saisissez la valeur mesurée."),
  source: optionalText(300),
  comment: optionalText(2000),
});
export const deleteMeasurementSchema = z.object({ measurementId: uuidField("Mesure introuvable.") });
