// Inputs of indicators and their measurements, shared by the forms and the server actions, and
// the indicator's field catalogue (see lib/catalogue): history and the export walk it.
import { z } from "zod";
import { CELL_FORMATS, defineCatalogue, rulesOf } from "@/lib/catalogue";
import { CollectionFrequency, IndicatorDirection, IndicatorLevel } from "@/lib/db/generated/enums";
import { isoDay } from "@/lib/format";
import {
  decimalField,
  optionalDate,
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

const decimalText = (value: { toString(): string } | null) => (value === null ? null : value.toString());
const decimalCell = (value: { toString(): string } | null) => (value === null ? null : Number(value.toString()));

/**
 * Every field of an indicator, in the form's order (components/indicators/indicator-form.tsx).
 * Values are exact decimals within their columns (Decimal(18, 4)), and may be negative (a change, a balance).
 */
export const INDICATOR_FIELDS = defineCatalogue<IndicatorRecord>()({
  name: {
    label: "Nom",
    rule: requiredText("Saisissez le nom de l’indicateur.", 300),
    scalar: true,
    input: { kind: "text", label: "Nom de l’indicateur", required: true },
    history: { key: "name", value: (indicator) => indicator.name },
    xlsx: [{ header: "Indicateur", width: 44, value: (indicator) => indicator.name }],
    publicPage: false,
    api: "name",
    confidential: false,
  },
  level: {
    label: "Type",
    rule: z.enum(IndicatorLevel, { error: "Choisissez le type d’indicateur." }),
    scalar: true,
    input: { kind: "select", options: INDICATOR_LEVEL_LABELS },
    history: { key: "level", value: (indicator) => INDICATOR_LEVEL_LABELS[indicator.level] },
    xlsx: [{ header: "Type", width: 12, value: (indicator) => INDICATOR_LEVEL_LABELS[indicator.level] }],
    publicPage: false,
    api: "level",
    confidential: false,
  },
  direction: {
    label: "Sens souhaité",
    rule: z.enum(IndicatorDirection, { error: "Choisissez le sens d’évolution souhaité." }),
    scalar: true,
    input: { kind: "select", options: INDICATOR_DIRECTION_LABELS },
    history: { key: "direction", value: (indicator) => INDICATOR_DIRECTION_LABELS[indicator.direction] },
    xlsx: [{ header: "Sens souhaité", width: 14, value: (indicator) => INDICATOR_DIRECTION_LABELS[indicator.direction] }],
    publicPage: false,
    api: "direction",
    confidential: false,
  },
  unit: {
    label: "Unité",
    rule: optionalText(60),
    scalar: true,
    input: { kind: "text", hint: "Par exemple « personnes » ou « % »." },
    history: { key: "unit", value: (indicator) => indicator.unit },
    xlsx: [{ header: "Unité", width: 14, value: (indicator) => indicator.unit }],
    publicPage: false,
    api: "unit",
    confidential: false,
  },
  frequency: {
    label: "Fréquence",
    rule: z.enum(CollectionFrequency, { error: "Choisissez la fréquence de collecte." }),
    scalar: true,
    input: { kind: "select", label: "Fréquence de collecte", options: COLLECTION_FREQUENCY_LABELS },
    history: { key: "frequency", value: (indicator) => COLLECTION_FREQUENCY_LABELS[indicator.frequency] },
    xlsx: [{ header: "Fréquence", width: 16, value: (indicator) => COLLECTION_FREQUENCY_LABELS[indicator.frequency] }],
    publicPage: false,
    api: "frequency",
    confidential: false,
  },
  baselineValue: {
    label: "Valeur de départ",
    rule: optionalDecimalField("Indicator.baselineValue", { kind: "number", negative: true }),
    scalar: true,
    input: { kind: "decimal" },
    history: { key: "baselineValue", value: (indicator) => decimalText(indicator.baselineValue) },
    xlsx: [
      { header: "Valeur de départ", width: 16, numFmt: CELL_FORMATS.decimal, value: (indicator) => decimalCell(indicator.baselineValue) },
    ],
    publicPage: false,
    api: "baseline_value",
    confidential: false,
  },
  baselineOn: {
    label: "Date de départ",
    rule: optionalDate,
    scalar: true,
    input: { kind: "date" },
    history: { key: "baselineOn", value: (indicator) => isoDay(indicator.baselineOn) },
    xlsx: [{ header: "Date de départ", width: 14, numFmt: CELL_FORMATS.date, value: (indicator) => indicator.baselineOn }],
    publicPage: false,
    api: "baseline_on",
    confidential: false,
  },
  targetValue: {
    label: "Cible",
    rule: optionalDecimalField("Indicator.targetValue", { kind: "number", negative: true }),
    scalar: true,
    input: { kind: "decimal" },
    history: { key: "targetValue", value: (indicator) => decimalText(indicator.targetValue) },
    xlsx: [{ header: "Cible", width: 12, numFmt: CELL_FORMATS.decimal, value: (indicator) => decimalCell(indicator.targetValue) }],
    publicPage: false,
    api: "target_value",
    confidential: false,
  },
  targetOn: {
    label: "Date de la cible",
    rule: optionalDate,
    scalar: true,
    input: { kind: "date" },
    history: { key: "targetOn", value: (indicator) => isoDay(indicator.targetOn) },
    xlsx: [{ header: "Date de la cible", width: 14, numFmt: CELL_FORMATS.date, value: (indicator) => indicator.targetOn }],
    publicPage: false,
    api: "target_on",
    confidential: false,
  },
  dataSource: {
    label: "Source",
    rule: optionalText(300),
    scalar: true,
    input: { kind: "text", label: "Source des données" },
    history: { key: "dataSource", value: (indicator) => indicator.dataSource },
    xlsx: [{ header: "Source des données", width: 30, value: (indicator) => indicator.dataSource }],
    publicPage: false,
    api: "data_source",
    confidential: false,
  },
  // Who collects it and the objective it measures: references, not shown in history today.
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
