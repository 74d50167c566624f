// Creating, editing and deleting fiches actions. A fiche is one unit: the fiche, its partners,
// schedule, budget, findings answered, objectives and commitments are saved together under the
// fiche's version, with one audit event (./save.ts, ./snapshot.ts). Deleting is a soft delete
// the coordinator can undo for 30 days (see ./trash.ts).
import { NotFoundError, can, type Actor, type Resource } from "@/lib/authz";
import { defineAction, type ActionContext } from "@/lib/actions/define";
import { ConflictError } from "@/lib/actions/errors";
import { fieldError, ok } from "@/lib/actions/result";
import { saveVersioned } from "@/lib/audit/history";
import { recordAudit } from "@/lib/audit/record";
import { lockContract } from "@/lib/contracts/lock";
import { loadContractResource } from "@/lib/contracts/resource";
import { uniqueViolationTarget } from "@/lib/db/errors";
import { checkReferences } from "./references";
import { loadFicheResource } from "./resource";
import { ficheColumns, syncChildren } from "./save";
import { createFicheSchema, ficheRefSchema, updateFicheSchema, type FicheFields } from "./schema";
import { ficheSnapshot } from "./snapshot";

const duplicateNumber = (error: unknown) => uniqueViolationTarget(error)?.includes("number") ?? false;
const NUMBER_TAKEN = "Ce numéro est déjà celui d’une autre fiche de ce contrat (corbeille comprise).";

export const createFiche = defineAction({
  name: "fiche.create",
  operation: "contract.edit",
  input: createFicheSchema,
  resource: (db, input) => loadContractResource(db, input.contractId),
  async run(context: ActionContext, input, { territoryId = null }) {
    const refusal = await checkReferences(context.db, input.contractId, input);
    if (refusal) return refusal;
    try {
      const fiche = await context.db.$transaction(async (tx) => {
        await lockContract(tx, input.contractId);
        const number =
          input.number ??
          ((await tx.ficheAction.aggregate({ where: { contractId: input.contractId }, _max: { number: true } }))._max.number ?? 0) + 1;
        const created = await tx.ficheAction.create({
          data: { ...ficheColumns(input), contractId: input.contractId, number },
          select: { id: true },
        });
        await syncChildren(tx, created.id, input);
        await recordAudit(tx, context, {
          action: "fiche.create",
          entityType: "FicheAction",
          entityId: created.id,
          entityLabel: `Fiche n°\u00a0${number} ${input.title}`,
          territoryId,
          after: await ficheSnapshot(tx, created.id),
        });
        return created;
      });
      return ok({ ficheId: fiche.id }, "La fiche action est créée.");
    } catch (error) {
      if (duplicateNumber(error)) return fieldError("number", NUMBER_TAKEN);
      throw error;
    }
  },
});

/** Who may change a fiche's place in the contract (axis, number) and its pilot account. */
const mayRestructure = (actor: Actor, resource: Resource) =>
  can(actor, "contract.edit", { territoryId: resource.territoryId, regionId: resource.regionId });

export const updateFiche = defineAction({
  name: "fiche.update",
  operation: "fiche.edit",
  input: updateFicheSchema,
  resource: (db, input) => loadFicheResource(db, input.ficheId),
  async run(context, input, resource) {
    const current = await context.db.ficheAction.findFirst({
      where: { id: input.ficheId, deletedAt: null },
      select: { contractId: true, axisId: true, number: true, pilotUserId: true },
    });
    if (!current) throw new NotFoundError();
    // A contributor edits the content of the fiches they pilot, not their place or pilot account.
    const fields: FicheFields = mayRestructure(context.actor, resource)
      ? input
      : { ...input, axisId: current.axisId, number: current.number, pilotUserId: current.pilotUserId };
    const refusal = await checkReferences(context.db, current.contractId, fields);
    if (refusal) return refusal;
    const versioned = {
      entityType: "FicheAction",
      entityId: input.ficheId,
      baseVersion: input.version,
      currentVersion: async () =>
        (await context.db.ficheAction.findUniqueOrThrow({ where: { id: input.ficheId }, select: { version: true } })).version,
    };
    try {
      await saveVersioned(context.db, versioned, () =>
        context.db.$transaction(async (tx) => {
          const before = await ficheSnapshot(tx, input.ficheId);
          const { count } = await tx.ficheAction.updateMany({
            where: { id: input.ficheId, version: input.version, deletedAt: null },
            data: { ...ficheColumns(fields), number: fields.number ?? current.number, version: { increment: 1 } },
          });
          if (count === 0) throw new ConflictError();
          await syncChildren(tx, input.ficheId, fields);
          await recordAudit(tx, context, {
            action: "fiche.update",
            entityType: "FicheAction",
            entityId: input.ficheId,
            entityLabel: `Fiche n°\u00a0${fields.number ?? current.number} ${fields.title}`,
            territoryId: resource.territoryId ?? null,
            before,
            after: await ficheSnapshot(tx, input.ficheId),
          });
        }),
      );
    } catch (error) {
      if (duplicateNumber(error)) return fieldError("number", NUMBER_TAKEN);
      throw error;
    }
    return ok({ ficheId: input.ficheId }, "Fiche enregistrée.");
  },
});

export const deleteFiche = defineAction({
  name: "fiche.delete",
  operation: "contract.edit",
  input: ficheRefSchema,
  resource: (db, input) => loadFicheResource(db, input.ficheId),
  async run(context, input, { territoryId = null }) {
    const fiche = await context.db.ficheAction.findUniqueOrThrow({ where: { id: input.ficheId }, select: { number: true, title: true } });
    await context.db.$transaction(async (tx) => {
      const deletedAt = new Date();
      const { count } = await tx.ficheAction.updateMany({
        where: { id: input.ficheId, version: input.version, deletedAt: null },
        data: { deletedAt, version: { increment: 1 } },
      });
      if (count === 0) throw new ConflictError();
      await recordAudit(tx, context, {
        action: "fiche.delete",
        entityType: "FicheAction",
        entityId: input.ficheId,
        entityLabel: `Fiche n°\u00a0${fiche.number} ${fiche.title}`,
        territoryId,
        before: { deletedAt: null },
        after: { deletedAt },
      });
    });
    return ok(null, `La fiche n°\u00a0${fiche.number} est dans la corbeille pour 30\u00a0jours.`);
  },
});
