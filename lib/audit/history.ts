// A record's history from the audit log: for the history view, and to tell a user who hits a
// version conflict what changed since they loaded the record.
import type { ConflictDetails } from "@/lib/actions/result";
import type { Db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format";
import { auditFieldLabel, auditValueLabel, inFormOrder } from "./labels";

type Change = { before: unknown; after: unknown };

/** The `count` latest events of a record, newest first, as readable lines. */
export async function listRecentChanges(db: Db, entityType: string, entityId: string, count: number): Promise<ConflictDetails["changes"]> {
  const events = await db.auditEvent.findMany({
    relationLoadStrategy: "join",
    where: { entityType, entityId },
    orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
    take: Math.max(1, count),
    select: { occurredAt: true, action: true, changes: true, actor: { select: { name: true, email: true } } },
  });
  return events.map((event) => ({
    action: event.action,
    at: formatDateTime(event.occurredAt),
    by: event.actor ? (event.actor.name ?? event.actor.email) : "un compte supprimé",
    // PostgreSQL keeps JSON keys in its own order: fields are listed as the record's form shows them.
    fields: inFormOrder(entityType, Object.entries((event.changes ?? {}) as Record<string, Change>)).map(([field, change]) => ({
      label: auditFieldLabel(field, entityType),
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
