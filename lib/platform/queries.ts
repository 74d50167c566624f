// Reads of the platform administration pages (platform admins only).
import { assertCan, type Actor } from "@/lib/authz";
import { getDb } from "@/lib/db/client";
import { pageWindow, type ListParams } from "@/lib/params/list-params";

/** Organisations an admin's search shows at most. */
export const ORGANISATION_MATCHES = 50;

/** Names holding every word searched, whatever the case (accents count). */
export const nameMatching = (q: string | undefined) =>
  q ? { AND: q.split(/\s+/).map((word) => ({ name: { contains: word, mode: "insensitive" as const } })) } : {};

/**
 * The administration page: every region, a page of territories (the newest first: the one just
 * created is at the top), and the organisations matching a search (none without one: there are
 * thousands). Five queries whatever the data.
 */
export async function getPlatformOverview(actor: Actor, { page, q }: ListParams) {
  assertCan(actor, "platform.administer");
  const db = getDb();
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
    q
      ? db.organisation.findMany({
          where: nameMatching(q),
          orderBy: [{ name: "asc" }, { id: "asc" }],
          take: ORGANISATION_MATCHES + 1,
          select: { id: true, name: true, kind: true, siren: true },
        })
      : Promise.resolve([]),
    db.organisation.count(),
  ]);
  return { regions, territories, territoryCount, organisations, organisationCount };
}

/** Every region, territory and organisation, to choose an invitation's scope from. */
async function listScopeChoices() {
  const db = getDb();
  const [regions, territories, organisations] = await Promise.all([
    db.region.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.territory.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
    db.organisation.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { regions, territories, organisations };
}

/** Every membership and pending invitation of the platform, for the admin's members page. */
export async function getPlatformMembers(actor: Actor) {
  assertCan(actor, "platform.administer");
  const db = getDb();
  const scope = {
    region: { select: { name: true } },
    territory: { select: { name: true, slug: true } },
    organisation: { select: { name: true } },
  } as const;
  const [memberships, invitations, overview] = await Promise.all([
    db.membership.findMany({
      relationLoadStrategy: "join",
      orderBy: [{ user: { email: "asc" } }, { role: "asc" }],
      select: { id: true, role: true, version: true, createdAt: true, user: { select: { id: true, email: true, name: true } }, ...scope },
    }),
    db.invitation.findMany({
      relationLoadStrategy: "join",
      where: { acceptedAt: null, revokedAt: null },
      orderBy: { createdAt: "desc" },
      select: { id: true, email: true, role: true, version: true, expiresAt: true, ...scope },
    }),
    listScopeChoices(),
  ]);
  return { memberships, invitations, ...overview };
}

/** "Territoire Romans-sur-Isère", "Région Île-de-France", the organisation's name, or the platform. */
export function scopeName(record: {
  region: { name: string } | null;
  territory: { name: string } | null;
  organisation: { name: string } | null;
}): string {
  if (record.territory) return record.territory.name;
  if (record.region) return `Région ${record.region.name}`;
  if (record.organisation) return record.organisation.name;
  return "Toute la plateforme";
}
