// Writes the audit log. Call it with the transaction that makes the change, so that the change
// and its record commit together or not at all.
import type { ActionContext } from "@/lib/actions/define";
import type { Tx } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
type Fields = Record<string, unknown>;

export type AuditEntry = {
  /** What happened, e.g. "membership.grant"; French labels in ./labels.ts. */
  action: string;
  entityType: string;
  entityId: string;
  entityLabel: string;
  /** The tenant the record belongs to; null for platform-wide records (regions, organisations). */
  territoryId: string | null;
  before?: Fields | null;
  after?: Fields | null;
};

/** { field: { before, after } } for every field whose value differs (dates compared by instant). */
export function changedFields(before: Fields | null | undefined, after: Fields | null | undefined) {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const field of new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])) {
    const was = normalise(before?.[field]);
    const is = normalise(after?.[field]);
    if (JSON.stringify(was) !== JSON.stringify(is)) changes[field] = { before: was, after: is };
  }
  return changes;
}

function normalise(value: unknown): unknown {
  if (value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === "object" && value !== null && "toFixed" in value) return String(value); // Prisma Decimal
  return value;
}

export async function recordAudit(tx: Tx, context: Pick<ActionContext, "actor" | "ip">, entry: AuditEntry): Promise<void> {
  await recordAudits(tx, context, [entry]);
}

/** Several events of one change at once (a publication of many fiches), in one statement. */
export async function recordAudits(tx: Tx, context: Pick<ActionContext, "actor" | "ip">, entries: readonly AuditEntry[]): Promise<void> {
  await tx.auditEvent.createMany({
    data: entries.map((entry) => ({
      actorId: context.actor.userId,
      ip: context.ip?.slice(0, 45) ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      entityLabel: entry.entityLabel.slice(0, 300),
      territoryId: entry.territoryId,
      changes: changedFields(entry.before, entry.after) as Prisma.InputJsonValue,
    })),
  });
}

/** What a change did to a record: its audit event's before and after. */
export type AuditChange = Pick<AuditEntry, "before" | "after">;

/**
 * Runs `change` and records its audit event in one transaction; `change` makes the write and
 * returns what the record was before and is after.
 */
export async function changeAudited(
  context: Pick<ActionContext, "db" | "actor" | "ip">,
  entry: Omit<AuditEntry, "before" | "after">,
  change: (tx: Tx) => Promise<AuditChange>,
  { timeoutMs }: { timeoutMs?: number } = {},
): Promise<void> {
  await context.db.$transaction(
    async (tx) => {
      const { before, after } = await change(tx);
      await recordAudit(tx, context, { ...entry, before, after });
    },
    timeoutMs ? { timeout: timeoutMs } : undefined,
  );
}

export type CreationEntry = Omit<AuditEntry, "entityId" | "before" | "after"> & {
  /** What the record was created with, or how to read it back once created (lists, computed values). */
  after: Fields | ((tx: Tx, id: string) => Promise<Fields>);
};

/** Creates a record in the caller's transaction and records its creation there. Returns the record (at least its id). */
export async function insertAudited<Created extends { id: string }>(
  tx: Tx,
  context: Pick<ActionContext, "actor" | "ip">,
  entry: CreationEntry,
  create: (tx: Tx) => Promise<Created>,
): Promise<Created> {
  const created = await create(tx);
  const after = typeof entry.after === "function" ? await entry.after(tx, created.id) : entry.after;
  await recordAudit(tx, context, { ...entry, entityId: created.id, after });
  return created;
}

/** Creates a record and its audit event in one transaction of its own (see insertAudited). */
export async function createAudited<Created extends { id: string }>(
  context: Pick<ActionContext, "db" | "actor" | "ip">,
  entry: CreationEntry,
  create: (tx: Tx) => Promise<Created>,
): Promise<Created> {
  return context.db.$transaction((tx) => insertAudited(tx, context, entry, create));
}
