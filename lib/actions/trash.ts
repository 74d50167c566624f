// The contract's trash: fiches, objectives and indicators are deleted softly (`deletedAt`) and
// can be restored for TRASH_DAYS days. Each move is audited in the transaction that makes it.
import { changeAudited, type AuditEntry } from "@/lib/audit/record";
import type { Tx } from "@/lib/db/client";
import type { ActionContext } from "./define";
import { assertVersionMatched } from "./versioned";

export const TRASH_DAYS = 30;

type TrashableModel = {
  updateMany(args: {
    where: { id: string; version: number; deletedAt: null };
    data: { deletedAt: Date; version: { increment: number } };
  }): PromiseLike<{ count: number }>;
};

/** The models a user deletes to the trash, by the record type their audit events name. */
const TRASHABLE_MODELS = {
  FicheAction: (tx) => tx.ficheAction,
  Indicator: (tx) => tx.indicator,
} satisfies Record<string, (tx: Tx) => TrashableModel>;

type TrashEntry = Omit<AuditEntry, "before" | "after">;

/** Moves a record to the trash if it is still at `version` (else ConflictError). */
export async function moveToTrash(
  context: ActionContext,
  entry: TrashEntry & { entityType: keyof typeof TRASHABLE_MODELS; version: number },
): Promise<void> {
  const { version, ...audited } = entry;
  const model: (tx: Tx) => TrashableModel = TRASHABLE_MODELS[entry.entityType];
  await changeAudited(context, audited, async (tx) => {
    const deletedAt = new Date();
    assertVersionMatched(
      await model(tx).updateMany({
        where: { id: entry.entityId, version, deletedAt: null },
        data: { deletedAt, version: { increment: 1 } },
      }),
    );
    return { before: { deletedAt: null }, after: { deletedAt } };
  });
}

/** Takes a record out of the trash: `restore` writes it back, the audit event says since when it was there. */
export async function restoreTrashed(
  context: ActionContext,
  entry: TrashEntry & { deletedAt: Date | null },
  restore: (tx: Tx) => Promise<unknown>,
): Promise<void> {
  const { deletedAt, ...audited } = entry;
  await changeAudited(context, audited, async (tx) => {
    await restore(tx);
    return { before: { deletedAt }, after: { deletedAt: null } };
  });
}

/** What the user reads once a record is in the trash, `subject` naming it ("La fiche n° 3"). */
export const inTrashMessage = (subject: string) => `${subject} est dans la corbeille pour ${TRASH_DAYS}\u00a0jours.`;
