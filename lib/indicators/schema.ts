// Inputs of indicators and their measurements, shared by the forms and the server actions, and
// the indicator's field catalogue (see lib/catalogue): history and the export walk it.
import { z } from "zod";
import { CELL_FORMATS, defineCatalogue, entriesOf, rulesOf } from "@/lib/catalogue";
import { CollectionFrequency, IndicatorDirection, IndicatorLevel } from "@/lib/db/generated/enums";
import {
  decimalField,
  optionalDecimalField,
  optionalText,
  optionalUuid,
  requiredDate,
  requiredText,
  uuidField,
  versionField,
} from "@/lib/validation/fields";
import { COLLECTION_FREQUENCY_LABELS, INDICATOR_DIRECTION_LABELS, INDICATOR_LEVEL_LABELS } from "./labels";

/** An indicator as its catalogue reads it: a record (decimals as Prisma Decimals) or a form's output (decimals as text). */
export type IndicatorRecord = {
  name: string;
  level: IndicatorLevel;
  unit: string | null;
  direction: IndicatorDirection;
  baselineValue: { toString(): string } | null;
  baselineOn: Date | null;
  targetValue: { toString(): string } | null;
  targetOn: Date | null;
  frequency: CollectionFrequency;
  dataSource: string | null;
};

const entry = entriesOf<IndicatorRecord>();

/** A value of the indicator: an exact decimal within its column (Decimal(18, 4)), maybe negative (a change, a balance). */
const decimalEntry = (name: "baselineValue" | "targetValue", label: string, width: number, api: string) => {
  const value = (indicator: IndicatorRecord) => indicator[name];
  return {
    label,
    rule: optionalDecimalField(`Indicator.${name}`, { kind: "number", negative: true }),
    scalar: true,
    input: { kind: "decimal" },
    history: { key: name, value: (indicator: IndicatorRecord) => value(indicator)?.toString() ?? null },
    xlsx: [
      {
        header: label,
        width,
        numFmt: CELL_FORMATS.decimal,
        value: (indicator: IndicatorRecord) => {
          const decimal = value(indicator);
          return decimal === null ? null : Number(decimal.toString());
        },
      },
    ],
    publicPage: true,
    api,
    confidential: false,
  } as const;
};

/**
 * Every field of an indicator, in the form's order (components/indicators/indicator-form.tsx).
 * Values are exact decimals within their columns (Decimal(18, 4)), and may be negative (a change, a balance).
 */
export const INDICATOR_FIELDS = defineCatalogue<IndicatorRecord>()({
  name: entry.text("name", requiredText("Saisissez le nom de l’indicateur.", 300), {
    label: "Nom",
    header: "Indicateur",
    width: 44,
    api: "name",
    publicPage: true,
    input: { kind: "text", label: "Nom de l’indicateur", required: true },
  }),
  level: entry.choice("level", IndicatorLevel, INDICATOR_LEVEL_LABELS, "Choisissez le type d’indicateur.", {
    label: "Type",
    width: 12,
    api: "level",
    publicPage: true,
  }),
  direction: entry.choice("direction", IndicatorDirection, INDICATOR_DIRECTION_LABELS, "Choisissez le sens d’évolution souhaité.", {
    label: "Sens souhaité",
    width: 14,
    api: "direction",
    publicPage: true,
  }),
  unit: entry.text("unit", optionalText(60), {
    label: "Unité",
    width: 14,
    api: "unit",
    publicPage: true,
    input: { kind: "text", hint: "Par exemple « personnes » ou « % »." },
  }),
  frequency: entry.choice("frequency", CollectionFrequency, COLLECTION_FREQUENCY_LABELS, "Choisissez la fréquence de collecte.", {
    label: "Fréquence",
    width: 16,
    api: "frequency",
    publicPage: true,
    input: { label: "Fréquence de collecte" },
  }),
  baselineValue: decimalEntry("baselineValue", "Valeur de départ", 16, "baseline_value"),
  baselineOn: entry.date("baselineOn", { label: "Date de départ", width: 14, api: "baseline_on", publicPage: true }),
  targetValue: decimalEntry("targetValue", "Cible", 12, "target_value"),
  targetOn: entry.date("targetOn", { label: "Date de la cible", width: 14, api: "target_on", publicPage: true }),
  dataSource: entry.text("dataSource", optionalText(300), {
    label: "Source",
    header: "Source des données",
    width: 30,
    api: "data_source",
    publicPage: true,
    input: { kind: "text", label: "Source des données" },
  }),
  ownerId: {
    label: "Collecté par",
    rule: optionalUuid,
    scalar: true,
    input: { kind: "select", label: "Qui le renseigne", placeholder: "Non précisé" },
    publicPage: false,
    api: "owner",
    confidential: false,
  },
  objectiveId: {
    label: "Objectif mesuré",
    rule: optionalUuid,
    scalar: true,
    input: { kind: "select", placeholder: "La fiche dans son ensemble" },
    publicPage: false,
    api: "objective",
    confidential: false,
  },
});

const indicatorFields = rulesOf(INDICATOR_FIELDS);

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
