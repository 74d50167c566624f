// Indicators of a fiche and their dated measurements. Whoever may edit the fiche (its
// coordinators, or the contributor who pilots it) defines indicators and enters values.
import { onFiche } from "@/lib/actions/targets";
import { NotFoundError } from "@/lib/authz";
import { actionsOn, defineAction, type ActionContext } from "@/lib/actions/define";
import { fieldError, ok } from "@/lib/actions/result";
import { inTrashMessage, moveToTrash } from "@/lib/actions/trash";
import { assertVersionMatched, saveVersioned } from "@/lib/actions/versioned";
import { changeAudited, createAudited } from "@/lib/audit/record";
import type { Db } from "@/lib/db/client";
import { uniqueViolationTarget } from "@/lib/db/errors";
import { loadFicheResource } from "@/lib/fiches/resource";
import { isoDay as day } from "@/lib/format";
import { historySnapshot } from "@/lib/catalogue";
import {
  INDICATOR_FIELDS,
  type IndicatorRecord,
  addMeasurementSchema,
  createIndicatorSchema,
  deleteIndicatorSchema,
  deleteMeasurementSchema,
  updateIndicatorSchema,
} from "./schema";

type IndicatorInput = Omit<typeof createIndicatorSchema._output, "ficheId">;

/** The indicator as its history shows it, walked from its catalogue. */
const snapshot = (indicator: IndicatorRecord) => historySnapshot(INDICATOR_FIELDS, indicator);

/** The scope of a live indicator: its fiche's (a trashed indicator, or one of a trashed fiche, is not found). */
async function indicatorResource(db: Db, indicatorId: string) {
  const indicator = await db.indicator.findFirst({
    where: { id: indicatorId, deletedAt: null, fiche: { deletedAt: null } },
    select: { ficheId: true },
  });
  if (!indicator) throw new NotFoundError();
  return loadFicheResource(db, indicator.ficheId);
}

/** The indicator's name, for the audit log and the messages. */
const indicatorName = async (db: Db, indicatorId: string) =>
  (await db.indicator.findUniqueOrThrow({ where: { id: indicatorId }, select: { name: true } })).name;

/** The objective and owner must belong where they claim: an objective of this fiche, an existing organisation. */
async function checkReferences(db: Db, ficheId: string, input: IndicatorInput) {
  if (
    input.objectiveId &&
    !(await db.operationalObjective.findFirst({ where: { id: input.objectiveId, ficheId, deletedAt: null }, select: { id: true } }))
  )
    return fieldError("objectiveId", "Choisissez un objectif de cette fiche.");
  if (input.ownerId && !(await db.organisation.findUnique({ where: { id: input.ownerId }, select: { id: true } })))
    return fieldError("ownerId", "Cette organisation n’existe pas.");
  return null;
}

const onIndicator = actionsOn("fiche.edit", (db, { indicatorId }: { indicatorId: string }) => indicatorResource(db, indicatorId));

export const createIndicator = onFiche(
  "indicator.create",
  createIndicatorSchema,
  async (context: ActionContext, { ficheId, ...input }, { territoryId = null }) => {
    const refusal = await checkReferences(context.db, ficheId, input);
    if (refusal) return refusal;
    await createAudited(
      context,
      { action: "indicator.create", entityType: "Indicator", entityLabel: input.name, territoryId, after: snapshot(input) },
      (tx) => tx.indicator.create({ data: { ...input, ficheId }, select: { id: true } }),
    );
    return ok(null, `L’indicateur «\u00a0${input.name}\u00a0» est ajouté.`);
  },
);

export const updateIndicator = onIndicator(
  "indicator.update",
  updateIndicatorSchema,
  async (context, { indicatorId, version, ...input }, { territoryId = null }) => {
    const before = await context.db.indicator.findUniqueOrThrow({ where: { id: indicatorId } });
    const refusal = await checkReferences(context.db, before.ficheId, input);
    if (refusal) return refusal;
    await saveVersioned(
      context,
      {
        action: "indicator.update",
        entityType: "Indicator",
        entityId: indicatorId,
        entityLabel: input.name,
        territoryId,
        baseVersion: version,
      },
      async (tx) => {
        assertVersionMatched(
          await tx.indicator.updateMany({
            where: { id: indicatorId, version, deletedAt: null },
            data: { ...input, version: { increment: 1 } },
          }),
        );
        return { before: snapshot(before), after: snapshot(input) };
      },
    );
    return ok(null, "Indicateur enregistré.");
  },
);

export const deleteIndicator = onIndicator("indicator.delete", deleteIndicatorSchema, async (context, input, { territoryId = null }) => {
  const name = await indicatorName(context.db, input.indicatorId);
  await moveToTrash(context, {
    action: "indicator.delete",
    entityType: "Indicator",
    entityId: input.indicatorId,
    entityLabel: name,
    territoryId,
    version: input.version,
  });
  return ok(null, inTrashMessage(`L’indicateur «\u00a0${name}\u00a0»`));
});

export const addMeasurement = onIndicator("measurement.add", addMeasurementSchema, async (context, input, { territoryId = null }) => {
  const name = await indicatorName(context.db, input.indicatorId);
  const measuredOn = input.measuredOn!;
  try {
    await createAudited(
      context,
      {
        action: "measurement.add",
        entityType: "Measurement",
        entityLabel: `${name} – ${day(measuredOn)}`,
        territoryId,
        after: { measuredOn: day(measuredOn), value: input.value, source: input.source, comment: input.comment },
      },
      (tx) => tx.measurement.create({ data: { ...input, measuredOn, authorId: context.actor.userId }, select: { id: true } }),
    );
  } catch (error) {
    if (uniqueViolationTarget(error)) return fieldError("measuredOn", "Une mesure existe déjà à cette date pour cet indicateur.");
    throw error;
  }
  return ok(null, "Mesure enregistrée.");
});

export const deleteMeasurement = defineAction({
  name: "measurement.delete",
  operation: "fiche.edit",
  input: deleteMeasurementSchema,
  async resource(db, input) {
    const measurement = await db.measurement.findUnique({ where: { id: input.measurementId }, select: { indicatorId: true } });
    if (!measurement) throw new NotFoundError();
    return indicatorResource(db, measurement.indicatorId);
  },
  async run(context, input, { territoryId = null }) {
    const measurement = await context.db.measurement.findUniqueOrThrow({
      where: { id: input.measurementId },
      select: { measuredOn: true, value: true, indicator: { select: { name: true, ficheId: true } } },
    });
    const label = `${measurement.indicator.name} – ${day(measurement.measuredOn)}`;
    await changeAudited(
      context,
      { action: "measurement.delete", entityType: "Measurement", entityId: input.measurementId, entityLabel: label, territoryId },
      async (tx) => {
        await tx.measurement.delete({ where: { id: input.measurementId } });
        return { before: { measuredOn: day(measurement.measuredOn), value: measurement.value.toString() } };
      },
    );
    return ok(null, "Mesure supprimée.");
  },
});
