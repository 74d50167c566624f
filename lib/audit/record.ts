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
  await tx.auditEvent.create({
    data: {
      actorId: context.actor.userId,
      ip: context.ip?.slice(0, 45) ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      entityLabel: entry.entityLabel.slice(0, 300),
      territoryId: entry.territoryId,
      changes: changedFields(entry.before, entry.after) as Prisma.InputJsonValue,
    },
  });
}

/**
 * Creates a record and its audit event in one transaction; the event's `after` is what the
 * record was created with. Returns the created record (at least its id).
 */
export async function createAudited<Created extends { id: string }>(
  context: Pick<ActionContext, "db" | "actor" | "ip">,
  entry: Omit<AuditEntry, "entityId" | "before">,
  create: (tx: Tx) => Promise<Created>,
): Promise<Created> {
  return context.db.$transaction(async (tx) => {
    const created = await create(tx);
    await recordAudit(tx, context, { ...entry, entityId: created.id });
    return created;
  });
}
