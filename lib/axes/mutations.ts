// Axes of a contract: add, edit, reorder, delete when empty. Their numbers follow their order:
// numbered axes 1, 2, 3…, transversal axes unnumbered.
import { onContract } from "@/lib/actions/targets";
import { NotFoundError } from "@/lib/authz";
import { actionsOn, type ActionContext } from "@/lib/actions/define";
import { fieldError, ok } from "@/lib/actions/result";
import { assertVersionMatched, saveVersioned } from "@/lib/actions/versioned";
import { changeAudited, createAudited, recordAudit } from "@/lib/audit/record";
import { lockContract } from "@/lib/contracts/lock";
import { loadContractResource } from "@/lib/contracts/resource";
import type { Db, Tx } from "@/lib/db/client";
import { createAxisSchema, deleteAxisSchema, moveAxisSchema, updateAxisSchema } from "./schema";

/** Positions 1…n in the given order; numbers for the non-transversal axes only. */
async function renumber(tx: Tx, contractId: string, orderedIds: readonly string[]) {
  const axes = await tx.axis.findMany({ where: { contractId }, select: { id: true, isTransversal: true } });
  const transversal = new Map(axes.map((axis) => [axis.id, axis.isTransversal]));
  // (contractId, position) and (contractId, number) are unique: clear them first.
  await tx.axis.updateMany({ where: { contractId }, data: { position: { increment: 10_000 }, number: null } });
  let number = 0;
  for (const [index, id] of orderedIds.entries()) {
    await tx.axis.update({ where: { id }, data: { position: index + 1, number: transversal.get(id) ? null : ++number } });
  }
}

const orderedAxisIds = async (tx: Tx, contractId: string) =>
  (await tx.axis.findMany({ where: { contractId }, orderBy: { position: "asc" }, select: { id: true } })).map((axis) => axis.id);

async function axisResource(db: Db, axisId: string) {
  const axis = await db.axis.findUnique({ where: { id: axisId }, select: { contractId: true } });
  if (!axis) throw new NotFoundError();
  return loadContractResource(db, axis.contractId);
}

const snapshot = (axis: { title: string; description: string | null; isTransversal: boolean }) => ({
  title: axis.title,
  description: axis.description,
  isTransversal: axis.isTransversal,
});

const onAxis = actionsOn("contract.edit", (db, { axisId }: { axisId: string }) => axisResource(db, axisId));

export const createAxis = onContract("axis.create", createAxisSchema, async (context: ActionContext, input, { territoryId = null }) => {
  await createAudited(
    context,
    { action: "axis.create", entityType: "Axis", entityLabel: input.title, territoryId, after: snapshot(input) },
    async (tx) => {
      await lockContract(tx, input.contractId);
      const order = await orderedAxisIds(tx, input.contractId);
      const axis = await tx.axis.create({
        data: {
          contractId: input.contractId,
          title: input.title,
          description: input.description,
          isTransversal: input.isTransversal,
          position: order.length + 10_001,
        },
        select: { id: true },
      });
      await renumber(tx, input.contractId, [...order, axis.id]);
      return axis;
    },
  );
  return ok(null, `L’axe «\u00a0${input.title}\u00a0» est ajouté.`);
});

export const updateAxis = onAxis("axis.update", updateAxisSchema, async (context, input, { territoryId = null }) => {
  const before = await context.db.axis.findUniqueOrThrow({
    where: { id: input.axisId },
    select: { contractId: true, title: true, description: true, isTransversal: true },
  });
  await saveVersioned(
    context,
    {
      action: "axis.update",
      entityType: "Axis",
      entityId: input.axisId,
      entityLabel: input.title,
      territoryId,
      baseVersion: input.version,
    },
    async (tx) => {
      await lockContract(tx, before.contractId);
      assertVersionMatched(
        await tx.axis.updateMany({
          where: { id: input.axisId, version: input.version },
          data: { title: input.title, description: input.description, isTransversal: input.isTransversal, version: { increment: 1 } },
        }),
      );
      if (before.isTransversal !== input.isTransversal) await renumber(tx, before.contractId, await orderedAxisIds(tx, before.contractId));
      return { before: snapshot(before), after: snapshot(input) };
    },
  );
  return ok(null, "Axe enregistré.");
});

export const moveAxis = onAxis("axis.move", moveAxisSchema, async (context, input, { territoryId = null }) => {
  const axis = await context.db.axis.findUniqueOrThrow({ where: { id: input.axisId }, select: { contractId: true, title: true } });
  await context.db.$transaction(async (tx) => {
    await lockContract(tx, axis.contractId);
    const order = await orderedAxisIds(tx, axis.contractId);
    const index = order.indexOf(input.axisId);
    const target = input.direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= order.length) return;
    [order[index], order[target]] = [order[target], order[index]];
    await renumber(tx, axis.contractId, order);
    await recordAudit(tx, context, {
      action: "axis.move",
      entityType: "Axis",
      entityId: input.axisId,
      entityLabel: axis.title,
      territoryId,
      before: { position: index + 1 },
      after: { position: target + 1 },
    });
  });
  return ok(null, `L’axe «\u00a0${axis.title}\u00a0» est ${input.direction === "up" ? "monté" : "descendu"} d’un rang.`);
});

export const deleteAxis = onAxis("axis.delete", deleteAxisSchema, async (context, input, { territoryId = null }) => {
  const axis = await context.db.axis.findUniqueOrThrow({
    where: { id: input.axisId },
    select: { contractId: true, title: true, description: true, isTransversal: true, _count: { select: { fiches: true } } },
  });
  if (axis._count.fiches > 0)
    return fieldError(
      "axisId",
      "Cet axe contient des fiches actions (y compris dans la corbeille)\u00a0: déplacez-les vers un autre axe avant de le supprimer.",
    );
  await changeAudited(
    context,
    { action: "axis.delete", entityType: "Axis", entityId: input.axisId, entityLabel: axis.title, territoryId },
    async (tx) => {
      await lockContract(tx, axis.contractId);
      assertVersionMatched(await tx.axis.deleteMany({ where: { id: input.axisId, version: input.version } }));
      await renumber(tx, axis.contractId, await orderedAxisIds(tx, axis.contractId));
      return { before: snapshot(axis) };
    },
  );
  return ok(null, `L’axe «\u00a0${axis.title}\u00a0» est supprimé.`);
});
