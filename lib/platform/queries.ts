// Reads of the platform administration pages (platform admins only).
import { assertCan, type Actor } from "@/lib/authz";
import { getDb } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import type { OrganisationKind } from "@/lib/db/generated/enums";
import { nameHoldsWords, searchWords } from "@/lib/db/name-search";
import { delegationLabel } from "@/lib/memberships/resource";
import { pageWindow, type ListParams } from "@/lib/params/list-params";

/** Organisations an admin's search shows at most. */
export const ORGANISATION_MATCHES = 50;

/**
 * The administration page: every region, a page of territories (the newest first: the one just
 * created is at the top), and the organisations matching a search (none without one: there are
 * thousands), found as the pickers find them (lib/db/name-search.ts). Five queries whatever the data.
 */
export async function getPlatformOverview(actor: Actor, { page, q }: ListParams) {
  assertCan(actor, "platform.administer");
  const db = getDb();
  const words = searchWords(q);
  const [regions, territories, territoryCount, organisations, organisationCount] = await Promise.all([
    db.region.findMany({
      orderBy: { name: "asc" },
      select: { id: true, name: true, inseeCode: true, _count: { select: { territories: true } } },
    }),
    db.territory.findMany({
      relationLoadStrategy: "join",
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      ...pageWindow(page),
      select: { id: true, slug: true, name: true, kind: true, region: { select: { name: true } } },
    }),
    db.territory.count(),
    words.length
      ? db.$queryRaw<Array<{ id: string; name: string; kind: OrganisationKind }>>`
          SELECT id, name, kind FROM "Organisation" WHERE ${nameHoldsWords(words)} ORDER BY name, id LIMIT ${ORGANISATION_MATCHES + 1}`
      : Promise.resolve([]),
    db.organisation.count(),
  ]);
  return { regions, territories, territoryCount, organisations, organisationCount };
}

/** Territories and organisations an admin's scope picker suggests at most. */
export const SCOPE_SUGGESTIONS = 20;
const SCOPE_TABLES = { territory: Prisma.raw('"Territory"'), organisation: Prisma.raw('"Organisation"') };
export type ScopeKind = keyof typeof SCOPE_TABLES;

/** The territories or organisations whose name holds every word typed, for an invitation's scope (admins only). */
export async function suggestScopes(actor: Actor, kind: ScopeKind, q: string | undefined) {
  assertCan(actor, "platform.administer");
  const words = searchWords(q);
  if (!words.length) return [];
  const rows = await getDb().$queryRaw<Array<{ id: string; name: string }>>`
    SELECT id, name FROM ${SCOPE_TABLES[kind]} WHERE ${nameHoldsWords(words)} ORDER BY name, id LIMIT ${SCOPE_SUGGESTIONS}`;
  return rows.map((row) => ({ value: row.id, label: row.name }));
}

/**
 * A page of the platform's memberships, every pending invitation and the regions, for the admin's
 * members page: five queries whatever the data. The page's ids come first: joined at once with
 * their people and scopes, the sort made PostgreSQL join every membership before cutting the page
 * (32 ms for the national dataset's 3,221).
 */
export async function getPlatformMembers(actor: Actor, { page }: ListParams) {
  assertCan(actor, "platform.administer");
  const db = getDb();
  const scope = {
    region: { select: { name: true } },
    territory: { select: { name: true, slug: true } },
    organisation: { select: { name: true } },
  } as const;
  const orderBy = [{ user: { email: "asc" } }, { role: "asc" }, { id: "asc" }] satisfies Prisma.MembershipOrderByWithRelationInput[];
  const pageIds = db.membership.findMany({ orderBy, ...pageWindow(page), select: { id: true } });
  const [memberships, membershipCount, invitations, regions] = await Promise.all([
    pageIds.then((rows) =>
      db.membership.findMany({
        relationLoadStrategy: "join",
        where: { id: { in: rows.map((row) => row.id) } },
        orderBy,
        select: {
          id: true,
          role: true,
          version: true,
          createdAt: true,
          departmentCodes: true,
          user: { select: { id: true, email: true, name: true } },
          ...scope,
        },
      }),
    ),
    db.membership.count(),
    db.invitation.findMany({
      relationLoadStrategy: "join",
      where: { acceptedAt: null, revokedAt: null },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, role: true, version: true, expiresAt: true, departmentCodes: true, ...scope },
    }),
    db.region.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, inseeCode: true } }),
  ]);
  return { memberships, membershipCount, invitations, regions };
}

/**
 * "Romans-sur-Isère", "Région Île-de-France", a délégation's "Région Île-de-France · Seine-Saint-Denis",
 * a partner's "CPAM de la Drôme · Romans-sur-Isère", or the platform.
 */
export function scopeName(record: {
  region: { name: string } | null;
  territory: { name: string } | null;
  organisation: { name: string } | null;
  departmentCodes?: readonly string[];
}): string {
  if (record.territory) return record.organisation ? `${record.organisation.name} · ${record.territory.name}` : record.territory.name;
  if (record.region) return delegationLabel(`Région ${record.region.name}`, record.departmentCodes ?? []);
  return "Toute la plateforme";
}
