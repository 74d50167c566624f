// A record's history from the audit log: for the history view, and to tell a user who hits a
// version conflict what changed since they loaded the record.
import type { ConflictDetails } from "@/lib/actions/result";
import type { Db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format";
import { auditEntityLabel, auditFieldLabel, auditValueLabel, inFormOrder } from "./labels";

type Change = { before: unknown; after: unknown };

/** The `count` latest events of a record, newest first, as readable lines. */
export function listRecentChanges(db: Db, entityType: string, entityId: string, count: number): Promise<ConflictDetails["changes"]> {
  return listChangesOf(db, [{ entityType, entityIds: [entityId] }], count);
}

/**
 * The `count` latest events of several records together, newest first: a fiche's history holds
 * its partners' reports on their commitments too. A line about a record of another type than the
 * first names it (`subject`).
 */
export async function listChangesOf(
  db: Db,
  records: ReadonlyArray<{ entityType: string; entityIds: readonly string[] }>,
  count: number,
): Promise<ConflictDetails["changes"]> {
  const events = await db.auditEvent.findMany({
    relationLoadStrategy: "join",
    where: { OR: records.map(({ entityType, entityIds }) => ({ entityType, entityId: { in: [...entityIds] } })) },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: Math.max(1, count),
    select: {
      occurredAt: true,
      action: true,
      entityType: true,
      entityLabel: true,
      changes: true,
      actor: { select: { name: true, email: true } },
    },
  });
  return events.map((event) => ({
    action: event.action,
    ...(event.entityType !== records[0]?.entityType ? { subject: `${auditEntityLabel(event.entityType)} · ${event.entityLabel}` } : {}),
    at: formatDateTime(event.occurredAt),
    by: event.actor ? (event.actor.name ?? event.actor.email) : "un compte supprimé",
    // PostgreSQL keeps JSON keys in its own order: fields are listed as the record's form shows them.
    fields: inFormOrder(event.entityType, Object.entries((event.changes ?? {}) as Record<string, Change>)).map(([field, change]) => ({
      label: auditFieldLabel(field, event.entityType),
      before: auditValueLabel(field, change.before),
      after: auditValueLabel(field, change.after),
    })),
  }));
}

/** Each save bumps the version by one and writes one event: the events since `baseVersion`. */
export async function getConflictDetails(
  db: Db,
  entityType: string,
  entityId: string,
  baseVersion: number,
  currentVersion: number,
): Promise<ConflictDetails> {
  // A very stale form shows the 20 latest changes, not the whole history.
  return { currentVersion, changes: await listRecentChanges(db, entityType, entityId, Math.min(currentVersion - baseVersion, 20)) };
}
