// Creating, editing and deleting fiches actions. A fiche is one unit: the fiche, its partners,
// schedule, budget, findings answered, objectives and commitments are saved together under the
// fiche's version, with one audit event (./save.ts, ./snapshot.ts). Deleting is a soft delete
// the coordinator can undo for 30 days (see ./trash.ts).
import { onContract, onFiche } from "@/lib/actions/targets";
import { NotFoundError, can, type Actor, type Resource } from "@/lib/authz";
import { defineAction, type ActionContext } from "@/lib/actions/define";
import { RefusedError } from "@/lib/actions/errors";
import { fieldError, ok } from "@/lib/actions/result";
import { inTrashMessage, moveToTrash } from "@/lib/actions/trash";
import { assertVersionMatched, saveVersioned } from "@/lib/actions/versioned";
import { insertAudited } from "@/lib/audit/record";
import { lockContract } from "@/lib/contracts/lock";

import { uniqueViolationTarget } from "@/lib/db/errors";
import { closedFicheMessage } from "./closure";
import { checkReferences } from "./references";
import { loadFicheResource } from "./resource";
import { ficheColumns, syncChildren } from "./save";
import { createFicheSchema, ficheRefSchema, updateFicheSchema, type FicheFields } from "./schema";
import { ficheEntityLabel, ficheSnapshot } from "./snapshot";

const duplicateNumber = (error: unknown) => uniqueViolationTarget(error)?.includes("number") ?? false;
const NUMBER_TAKEN = "Ce numéro est déjà celui d’une autre fiche de ce contrat (corbeille comprise).";

export const createFiche = onContract("fiche.create", createFicheSchema, async (context: ActionContext, input, { territoryId = null }) => {
  const refusal = await checkReferences(context.db, input.contractId, input);
  if (refusal) return refusal;
  try {
    const fiche = await context.db.$transaction(async (tx) => {
      await lockContract(tx, input.contractId);
      const number =
        input.number ??
        ((await tx.ficheAction.aggregate({ where: { contractId: input.contractId }, _max: { number: true } }))._max.number ?? 0) + 1;
      const label = ficheEntityLabel(number, input.title);
      return insertAudited(
        tx,
        context,
        { action: "fiche.create", entityType: "FicheAction", entityLabel: label, territoryId, after: ficheSnapshot },
        async () => {
          const created = await tx.ficheAction.create({
            data: { ...ficheColumns(input), contractId: input.contractId, number },
            select: { id: true },
          });
          await syncChildren(tx, created.id, input);
          return created;
        },
      );
    });
    return ok({ ficheId: fiche.id }, "La fiche action est créée.");
  } catch (error) {
    if (duplicateNumber(error)) return fieldError("number", NUMBER_TAKEN);
    throw error;
  }
});

/** Who may change a fiche's place in the contract (axis, number) and its pilot account. */
const mayRestructure = (actor: Actor, resource: Resource) =>
  can(actor, "contract.edit", {
    territoryId: resource.territoryId,
    regionId: resource.regionId,
    departmentCodes: resource.departmentCodes,
  });

export const updateFiche = onFiche("fiche.update", updateFicheSchema, async (context, input, resource) => {
  const current = await context.db.ficheAction.findFirst({
    where: { id: input.ficheId, deletedAt: null },
    select: {
      contractId: true,
      axisId: true,
      number: true,
      pilotUserId: true,
      closedOn: true,
      closedByAmendment: { select: { number: true } },
    },
  });
  if (!current) throw new NotFoundError();
  if (current.closedOn) throw new RefusedError(closedFicheMessage(current.closedOn, current.closedByAmendment?.number ?? null));
  // A contributor edits the content of the fiches they pilot, not their place or pilot account.
  const fields: FicheFields = mayRestructure(context.actor, resource)
    ? input
    : { ...input, axisId: current.axisId, number: current.number, pilotUserId: current.pilotUserId };
  const refusal = await checkReferences(context.db, current.contractId, fields, input.ficheId);
  if (refusal) return refusal;
  const number = fields.number ?? current.number;
  try {
    await saveVersioned(
      context,
      {
        action: "fiche.update",
        entityType: "FicheAction",
        entityId: input.ficheId,
        entityLabel: ficheEntityLabel(number, fields.title),
        territoryId: resource.territoryId ?? null,
        baseVersion: input.version,
      },
      async (tx) => {
        const before = await ficheSnapshot(tx, input.ficheId);
        assertVersionMatched(
          await tx.ficheAction.updateMany({
            // An amendment signed meanwhile closed it and bumped its version: a conflict, never a write.
            where: { id: input.ficheId, version: input.version, deletedAt: null, closedOn: null },
            data: { ...ficheColumns(fields), number, version: { increment: 1 } },
          }),
        );
        await syncChildren(tx, input.ficheId, fields);
        return { before, after: await ficheSnapshot(tx, input.ficheId) };
      },
    );
  } catch (error) {
    if (duplicateNumber(error)) return fieldError("number", NUMBER_TAKEN);
    throw error;
  }
  return ok({ ficheId: input.ficheId }, "Fiche enregistrée.");
});

export const deleteFiche = defineAction({
  name: "fiche.delete",
  operation: "contract.edit",
  input: ficheRefSchema,
  resource: (db, input) => loadFicheResource(db, input.ficheId),
  async run(context, input, { territoryId = null }) {
    const fiche = await context.db.ficheAction.findUniqueOrThrow({
      where: { id: input.ficheId },
      select: { number: true, title: true, closedOn: true, closedByAmendment: { select: { number: true } } },
    });
    // The amendment that closed it names it: it stays, as the contract's history.
    if (fiche.closedOn) throw new RefusedError(closedFicheMessage(fiche.closedOn, fiche.closedByAmendment?.number ?? null));
    await moveToTrash(context, {
      action: "fiche.delete",
      entityType: "FicheAction",
      entityId: input.ficheId,
      entityLabel: ficheEntityLabel(fiche.number, fiche.title),
      territoryId,
      version: input.version,
    });
    return ok(null, inTrashMessage(`La fiche n°\u00a0${fiche.number}`));
  },
});
