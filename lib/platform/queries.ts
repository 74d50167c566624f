// Reads of the platform administration pages (platform admins only).
import { assertCan, type Actor } from "@/lib/authz";
import { getDb } from "@/lib/db/client";

export async function getPlatformOverview(actor: Actor) {
  assertCan(actor, "platform.administer");
  const db = getDb();
  const [regions, territories, organisations] = await Promise.all([
    db.region.findMany({
      orderBy: { name: "asc" },
      select: { id: true, name: true, inseeCode: true, _count: { select: { territories: true } } },
    }),
    db.territory.findMany({
      relationLoadStrategy: "join",
      orderBy: { name: "asc" },
      select: { id: true, slug: true, name: true, kind: true, region: { select: { name: true } } },
    }),
    db.organisation.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, kind: true, siren: true } }),
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
    getPlatformOverview(actor),
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
