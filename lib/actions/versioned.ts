// Saves guarded by a record's `version` (optimistic locking): the write names the version the
// user loaded, and a write that matched no row means someone else saved first.
import { getConflictDetails } from "@/lib/audit/history";
import { changeAudited, type AuditChange, type AuditEntry } from "@/lib/audit/record";
import type { Db, Tx } from "@/lib/db/client";
import type { ActionContext } from "./define";
import { ConflictError } from "./errors";

type VersionedModel = {
  findUniqueOrThrow(args: { where: { id: string }; select: { version: true } }): PromiseLike<{ version: number }>;
};

/** The models a form edits from a loaded version, by the record type their audit events name. */
const VERSIONED_MODELS = {
  Amendment: (db) => db.amendment,
  Axis: (db) => db.axis,
  Commitment: (db) => db.commitment,
  CommitmentContribution: (db) => db.commitmentContribution,
  Contract: (db) => db.contract,
  Document: (db) => db.document,
  EvaluationCampaign: (db) => db.evaluationCampaign,
  FicheAction: (db) => db.ficheAction,
  Indicator: (db) => db.indicator,
  Meeting: (db) => db.meeting,
  PrsObjective: (db) => db.prsObjective,
  Territory: (db) => db.territory,
} satisfies Record<string, (db: Db) => VersionedModel>;

/** A write scoped by `version` (`updateMany`, `deleteMany`) that touched no row: the version moved. */
export function assertVersionMatched({ count }: { count: number }): void {
  if (count === 0) throw new ConflictError();
}

/**
 * Saves a record the user edited from `baseVersion`, with its audit event, in one transaction
 * (see changeAudited). A conflict comes back with what others changed since `baseVersion`.
 */
export async function saveVersioned(
  context: ActionContext,
  entry: Omit<AuditEntry, "entityType" | "before" | "after"> & { entityType: keyof typeof VERSIONED_MODELS; baseVersion: number },
  save: (tx: Tx) => Promise<AuditChange>,
  transaction: { timeoutMs?: number } = {},
): Promise<void> {
  const { baseVersion, ...audited } = entry;
  try {
    await changeAudited(context, audited, save, transaction);
  } catch (error) {
    if (!(error instanceof ConflictError) || error.details) throw error;
    const model: VersionedModel = VERSIONED_MODELS[entry.entityType](context.db);
    const { version } = await model.findUniqueOrThrow({ where: { id: entry.entityId }, select: { version: true } });
    throw new ConflictError(await getConflictDetails(context.db, entry.entityType, entry.entityId, baseVersion, version));
  }
}
