// Reading the audit log: a territory's (its coordinators, platform admins) or the whole
// platform's (platform admins), newest first, filtered by user and by record, paged by cursor.
import { isIP } from "node:net";
import { z } from "zod";
import { assertCan, can, NotFoundError, type Actor } from "@/lib/authz";
import { getDb } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { objectFromInputEntries } from "@/lib/input/object-keys";
import { inFormOrder } from "./labels";
import { TERRITORY_SCOPE_SELECT, territoryResource, type TerritoryScope } from "@/lib/workspaces/resource";

export const AUDIT_PAGE_SIZE = 50;

/** An event's changes with its fields in the record's form order (PostgreSQL keeps JSON keys in its own). */
function inFormOrderOf(entityType: string, changes: Prisma.JsonValue): Prisma.JsonValue {
  if (!changes || typeof changes !== "object" || Array.isArray(changes)) return changes;
  return objectFromInputEntries(inFormOrder(entityType, Object.entries(changes))) as Prisma.JsonObject;
}

/** The filters as they arrive in the URL; anything malformed is ignored rather than an error. */
export const auditFilterSchema = z.object({
  personne: z.uuid().optional().catch(undefined),
  /** "<entityType>:<entityId>" */
  element: z
    .string()
    .regex(/^[A-Za-z]{1,80}:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/)
    .optional()
    .catch(undefined),
  /** Cursor: the id of the last event of the previous page. */
  apres: z.uuid().optional().catch(undefined),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

// Where a change came from is personal data: only platform admins read it (the select below
// leaves it out for everyone else, so it never reaches the page).
const eventSelect = {
  id: true,
  occurredAt: true,
  action: true,
  entityType: true,
  entityId: true,
  entityLabel: true,
  changes: true,
  ip: true,
  actor: { select: { id: true, email: true, name: true } },
} satisfies Prisma.AuditEventSelect;

export type AuditPage = {
  events: Array<Prisma.AuditEventGetPayload<{ select: typeof eventSelect }>>;
  /** People who appear in this log, for the user filter. */
  people: Array<{ id: string; email: string; name: string | null }>;
  nextCursor: string | null;
};

/** The audit log of a territory (slug) or, with `null`, of the whole platform. */
export async function listAuditEvents(
  actor: Actor,
  territorySlug: string | null,
  filter: AuditFilter,
): Promise<AuditPage & { territory: { id: string; slug: string; name: string; regionId: string } | null }> {
  const db = getDb();
  let territory: (TerritoryScope & { slug: string; name: string }) | null = null;
  if (territorySlug) {
    territory = await db.territory.findUnique({
      where: { slug: territorySlug },
      select: { ...TERRITORY_SCOPE_SELECT, slug: true, name: true },
    });
    if (!territory) throw new NotFoundError();
    assertCan(actor, "auditLog.read", territoryResource(territory));
  } else {
    assertCan(actor, "auditLog.read");
  }

  const scope: Prisma.AuditEventWhereInput = territory ? { territoryId: territory.id } : {};
  const [entityType, entityId] = filter.element?.split(":") ?? [];
  const where: Prisma.AuditEventWhereInput = {
    ...scope,
    ...(filter.personne ? { actorId: filter.personne } : {}),
    ...(entityType ? { entityType, entityId } : {}),
  };
  const showsAddresses = can(actor, "platform.administer");
  const [events, people] = await Promise.all([
    db.auditEvent.findMany({
      relationLoadStrategy: "join",
      where,
      // occurredAt ties are broken by id, so the cursor never skips nor repeats an event.
      orderBy: [{ occurredAt: "desc" }, { id: "desc" }],
      take: AUDIT_PAGE_SIZE + 1,
      ...(filter.apres ? { cursor: { id: filter.apres }, skip: 1 } : {}),
      select: eventSelect,
    }),
    db.user.findMany({ where: { auditEvents: { some: scope } }, orderBy: { email: "asc" }, select: { id: true, email: true, name: true } }),
  ]);
  const hasMore = events.length > AUDIT_PAGE_SIZE;
  const page = events.slice(0, AUDIT_PAGE_SIZE).map((event) => ({
    ...event,
    ip: showsAddresses ? displayedAddress(event.ip) : null,
    changes: inFormOrderOf(event.entityType, event.changes),
  }));
  return { territory, events: page, people, nextCursor: hasMore ? page.at(-1)!.id : null };
}

/**
 * An IPv4 client of a dual-stack socket is recorded as "::ffff:127.0.0.1" (events written before
 * addresses were normalised): it reads 127.0.0.1. Anything that is not an address shows nothing.
 */
export function displayedAddress(ip: string | null | undefined): string | null {
  const address = ip?.replace(/^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i, "$1") ?? "";
  return isIP(address) ? address : null;
}
