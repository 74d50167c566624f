// Scope loaders of memberships and invitations: the scope a membership or invitation names
// (nothing, a region, a territory, or an organisation in a territory), its authorization keys
// and French label.
import { NotFoundError, type Resource } from "@/lib/authz";
import type { Db } from "@/lib/db/client";
import { findGeoDepartment } from "@/lib/geo/reference";
import { TERRITORY_SCOPE_SELECT, territoryResource } from "@/lib/workspaces/resource";

export type ScopeKeys = { regionId: string | null; territoryId: string | null; organisationId: string | null };

export type LoadedScope = {
  /**
   * What member.manage is checked against: a territory scope is managed by the territory's
   * coordinators; any other scope only by platform admins (an empty resource).
   */
  resource: Resource;
  label: string;
  /** The tenant whose audit log records changes to this scope. */
  territoryId: string | null;
};

/** Reads the scope's record; a scope naming a record that does not exist is not found. */
export async function loadScopeResource(db: Pick<Db, "territory" | "region" | "organisation">, keys: ScopeKeys): Promise<LoadedScope> {
  if (keys.territoryId) {
    const territory = await db.territory.findUnique({ where: { id: keys.territoryId }, select: { ...TERRITORY_SCOPE_SELECT, name: true } });
    const organisation = keys.organisationId
      ? await db.organisation.findUnique({ where: { id: keys.organisationId }, select: { name: true } })
      : null;
    if (!territory || (keys.organisationId && !organisation)) throw new NotFoundError();
    // A partner's scope: their organisation, in the territory that invited them (managed there).
    const label = organisation ? `${organisation.name} · ${territory.name}` : territory.name;
    return { resource: territoryResource(territory), label, territoryId: territory.id };
  }
  if (keys.regionId) {
    const region = await db.region.findUnique({ where: { id: keys.regionId }, select: { name: true } });
    if (!region) throw new NotFoundError();
    return { resource: {}, label: `Région ${region.name}`, territoryId: null };
  }
  return { resource: {}, label: "Toute la plateforme", territoryId: null };
}

/** The scope of an existing membership, as member.manage is checked against it. */
export async function loadMembershipResource(db: Db, membershipId: string) {
  const membership = await db.membership.findUnique({
    where: { id: membershipId },
    select: { regionId: true, territoryId: true, organisationId: true },
  });
  if (!membership) throw new NotFoundError();
  return (await loadScopeResource(db, membership)).resource;
}

/** A délégation départementale named after its scope: "Région Auvergne-Rhône-Alpes · Drôme, Isère". */
export function delegationLabel(label: string, departmentCodes: readonly string[]): string {
  if (!departmentCodes.length) return label;
  return `${label} · ${departmentCodes.map((code) => findGeoDepartment(code)?.name ?? code).join(", ")}`;
}

/** Why these départements cannot make a délégation of the region (they are not all its own), or null. */
export async function regionDepartmentsError(
  db: Pick<Db, "region">,
  regionId: string | null,
  departmentCodes: readonly string[],
): Promise<string | null> {
  if (!departmentCodes.length) return null;
  const region = regionId ? await db.region.findUnique({ where: { id: regionId }, select: { inseeCode: true } }) : null;
  if (!region) return "Choisissez d’abord la région.";
  const outside = departmentCodes.filter((code) => findGeoDepartment(code)?.regionCode !== region.inseeCode);
  return outside.length ? `Ces départements ne sont pas dans la région\u00a0: ${outside.join(", ")}.` : null;
}
