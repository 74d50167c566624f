// A region's PRS objectives, kept by its ARS officers ("prsObjective.manage"): created, renamed
// from the version loaded, archived when a new PRS replaces them (never deleted: fiches keep the
// objective they named), each write with its audit event.
import { actionsOn, type ActionContext } from "@/lib/actions/define";
import { fieldError, ok, type ActionResult } from "@/lib/actions/result";
import { RefusedError } from "@/lib/actions/errors";
import { assertVersionMatched, saveVersioned } from "@/lib/actions/versioned";
import { createAudited } from "@/lib/audit/record";
import { uniqueViolationTarget } from "@/lib/db/errors";
import { prsObjectiveName } from "./labels";
import { loadPrsObjectiveResource, loadRegionResource } from "./resource";
import {
  archivePrsObjectiveSchema,
  createPrsObjectiveSchema,
  PRS_OBJECTIVES_MAX,
  updatePrsObjectiveSchema,
  type PrsObjectiveFields,
} from "./schema";

const onRegion = actionsOn("prsObjective.manage", (db, { regionId }: { regionId: string }) => loadRegionResource(db, regionId));
const onPrsObjective = actionsOn("prsObjective.manage", (db, { prsObjectiveId }: { prsObjectiveId: string }) =>
  loadPrsObjectiveResource(db, prsObjectiveId),
);

/** A code or a label the region's list already holds, at its field. */
function duplicate(error: unknown): ActionResult<never> {
  const target = uniqueViolationTarget(error);
  if (target?.includes("code")) return fieldError("code", "Un autre objectif de la région porte déjà ce code.");
  if (target?.includes("label")) return fieldError("label", "Un autre objectif de la région porte déjà cet intitulé.");
  throw error;
}

/** What the audit event keeps of an objective. */
const audited = ({ code, label, archived }: PrsObjectiveFields & { archived?: boolean }) => ({ code, label, archived: archived ?? false });

export const createPrsObjective = onRegion("prsObjective.create", createPrsObjectiveSchema, async (context, input) => {
  const { regionId, ...fields } = input;
  if ((await context.db.prsObjective.count({ where: { regionId } })) >= PRS_OBJECTIVES_MAX)
    throw new RefusedError(
      `La liste d’une région compte ${PRS_OBJECTIVES_MAX} objectifs au plus\u00a0: archivez ou renommez ceux d’un PRS passé.`,
    );
  try {
    await createAudited(
      context,
      {
        action: "prsObjective.create",
        entityType: "PrsObjective",
        entityLabel: prsObjectiveName(fields)!,
        territoryId: null,
        after: audited(fields),
      },
      (tx) => tx.prsObjective.create({ data: { regionId, ...fields }, select: { id: true } }),
    );
  } catch (error) {
    return duplicate(error);
  }
  return ok(null, `L’objectif «\u00a0${prsObjectiveName(fields)}\u00a0» est ajouté à la liste.`);
});

export const updatePrsObjective = onPrsObjective("prsObjective.update", updatePrsObjectiveSchema, async (context, input) => {
  const { prsObjectiveId, version, ...fields } = input;
  try {
    await save(context, prsObjectiveId, version, "prsObjective.update", fields);
  } catch (error) {
    return duplicate(error);
  }
  return ok(null, `L’objectif «\u00a0${prsObjectiveName(fields)}\u00a0» est enregistré.`);
});

export const archivePrsObjective = onPrsObjective("prsObjective.archive", archivePrsObjectiveSchema, async (context, input) => {
  const { prsObjectiveId, version, archived } = input;
  const name = await save(context, prsObjectiveId, version, archived ? "prsObjective.archive" : "prsObjective.restore", {
    archivedAt: archived ? new Date() : null,
  });
  return ok(
    null,
    archived
      ? `L’objectif «\u00a0${name}\u00a0» est archivé\u00a0: les fiches qui le citent le gardent, les autres ne peuvent plus le choisir.`
      : `L’objectif «\u00a0${name}\u00a0» est de nouveau proposé aux fiches.`,
  );
});

/** Writes from the version loaded, with the audit event; returns the objective's name after the write. */
async function save(
  context: ActionContext,
  prsObjectiveId: string,
  version: number,
  action: string,
  data: Partial<PrsObjectiveFields> & { archivedAt?: Date | null },
): Promise<string> {
  const read = async (db: Pick<ActionContext["db"], "prsObjective">) => {
    const objective = await db.prsObjective.findUniqueOrThrow({
      where: { id: prsObjectiveId },
      select: { code: true, label: true, archivedAt: true },
    });
    return { code: objective.code, label: objective.label, archived: Boolean(objective.archivedAt) };
  };
  const entityLabel = prsObjectiveName({ ...(await read(context.db)), ...data })!;
  await saveVersioned(
    context,
    { action, entityType: "PrsObjective", entityId: prsObjectiveId, entityLabel, territoryId: null, baseVersion: version },
    async (tx) => {
      const before = await read(tx);
      assertVersionMatched(
        await tx.prsObjective.updateMany({ where: { id: prsObjectiveId, version }, data: { ...data, version: { increment: 1 } } }),
      );
      return { before: audited(before), after: audited(await read(tx)) };
    },
  );
  return entityLabel;
}
