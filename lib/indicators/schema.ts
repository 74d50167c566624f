// Inputs of indicators and their measurements, shared by the forms and the server actions.
import { z } from "zod";
import { CollectionFrequency, IndicatorDirection, IndicatorLevel } from "@/lib/db/generated/enums";
import {
  decimalField,
  optionalDate,
  optionalDecimalField,
  optionalText,
  requiredDate,
  requiredText,
  uuidField,
  versionField,
} from "@/lib/validation/fields";

// Values are exact decimals within their columns (Decimal(18, 4)), and may be negative (a change, a balance).
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
  baselineValue: optionalDecimalField("Indicator.baselineValue", { kind: "number", negative: true }),
  baselineOn: optionalDate,
  targetValue: optionalDecimalField("Indicator.targetValue", { kind: "number", negative: true }),
  targetOn: optionalDate,
  frequency: z.enum(CollectionFrequency, { error: "Choisissez la fréquence de collecte." }),
  dataSource: optionalText(300),
  ownerId: optionalUuid,
  objectiveId: optionalUuid,
};

export const createIndicatorSchema = z.object({ ficheId: uuidField("Fiche introuvable."), ...indicatorFields });
export const updateIndicatorSchema = z.object({
  indicatorId: uuidField("Indicateur introuvable."),
  version: versionField,
  ...indicatorFields,
});
export const deleteIndicatorSchema = z.object({ indicatorId: uuidField("Indicateur introuvable."), version: versionField });

export const addMeasurementSchema = z.object({
  indicatorId: uuidField("Indicateur introuvable."),
  measuredOn: requiredDate("Saisissez la date de la mesure."),
  value: decimalField("Measurement.value", "Saisissez la valeur mesurée.", { kind: "number", negative: true }),
  source: optionalText(300),
  comment: optionalText(2000),
});
export const deleteMeasurementSchema = z.object({ measurementId: uuidField("Mesure introuvable.") });
