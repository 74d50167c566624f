// Territories (the tenants) are created by platform admins.
import { onPlatform } from "@/lib/actions/targets";
import { randomUUID } from "node:crypto";

import { fieldError, ok } from "@/lib/actions/result";
import { assertVersionMatched, saveVersioned } from "@/lib/actions/versioned";
import { NotFoundError } from "@/lib/authz";
import { createAudited } from "@/lib/audit/record";
import { uniqueViolationTarget } from "@/lib/db/errors";
import { slugify } from "@/lib/text/slug";
import { placeInReference } from "./reference";
import { createTerritorySchema, updateTerritorySchema } from "./schema";

export const createTerritory = onPlatform("territory.create", createTerritorySchema, async (context, input) => {
  const region = await context.db.region.findUnique({ where: { id: input.regionId }, select: { id: true, name: true, inseeCode: true } });
  if (!region) return fieldError("regionId", "Cette région n’existe pas.");
  const placed = placeInReference(input, region);
  if (!placed.ok) return placed;
  const data = { name: input.name, kind: input.kind, ...placed.data, regionId: region.id, slug: slugify(input.name) };
  try {
    // The territory's own id keys its audit event, so it is chosen before the insert.
    const id = randomUUID();
    const territory = await createAudited(
      context,
      {
        action: "territory.create",
        entityType: "Territory",
        entityLabel: input.name,
        territoryId: id,
        after: {
          name: input.name,
          slug: data.slug,
          kind: input.kind,
          region: region.name,
          department: data.department,
          reference: input.reference,
          departmentCodes: data.departmentCodes,
          communes: data.communeCodes.length,
          inseeCode: data.inseeCode,
          siren: data.siren,
        },
      },
      (tx) => tx.territory.create({ data: { ...data, id }, select: { id: true, slug: true } }),
    );
    return ok({ slug: territory.slug }, `Le territoire ${input.name} est créé. Invitez maintenant sa coordination.`);
  } catch (error) {
    if (uniqueViolationTarget(error)?.includes("slug"))
      return fieldError("name", "Un territoire porte déjà ce nom (son adresse serait la même).");
    throw error;
  }
});

/** What the audit log records of a territory's place: its display and its official codes. */
const placeAudit = (territory: {
  name: string;
  kind: string;
  department: string | null;
  departmentCodes: readonly string[];
  communeCodes: readonly string[];
  inseeCode: string | null;
  siren: string | null;
  region: string;
}) => ({
  name: territory.name,
  kind: territory.kind,
  region: territory.region,
  department: territory.department,
  departmentCodes: territory.departmentCodes,
  communes: territory.communeCodes.length,
  inseeCode: territory.inseeCode,
  siren: territory.siren,
});

/** An admin renames a territory or places it anew in the State's reference: its codes follow the place, its address stays. */
export const updateTerritory = onPlatform("territory.update", updateTerritorySchema, async (context, input) => {
  const { territoryId, version } = input;
  const current = await context.db.territory.findUnique({
    where: { id: territoryId },
    select: {
      name: true,
      kind: true,
      department: true,
      departmentCodes: true,
      communeCodes: true,
      inseeCode: true,
      siren: true,
      region: { select: { name: true } },
    },
  });
  if (!current) throw new NotFoundError();
  const region = await context.db.region.findUnique({ where: { id: input.regionId }, select: { id: true, name: true, inseeCode: true } });
  if (!region) return fieldError("regionId", "Cette région n’existe pas.");
  const placed = placeInReference(input, region);
  if (!placed.ok) return placed;
  const data = { name: input.name, kind: input.kind, regionId: region.id, ...placed.data };
  await saveVersioned(
    context,
    {
      action: "territory.update",
      entityType: "Territory",
      entityId: territoryId,
      entityLabel: input.name,
      territoryId,
      baseVersion: version,
    },
    async (tx) => {
      assertVersionMatched(
        await tx.territory.updateMany({ where: { id: territoryId, version }, data: { ...data, version: { increment: 1 } } }),
      );
      return {
        before: placeAudit({ ...current, region: current.region.name }),
        after: placeAudit({ ...data, region: region.name }),
      };
    },
  );
  return ok(null, `Le territoire ${input.name} est enregistré.`);
});
