// Territories (the tenants) are created by platform admins.
import { onPlatform } from "@/lib/actions/targets";
import { randomUUID } from "node:crypto";

import { fieldError, ok } from "@/lib/actions/result";
import { createAudited } from "@/lib/audit/record";
import { uniqueViolationTarget } from "@/lib/db/errors";
import { slugify } from "@/lib/text/slug";
import { placeInReference } from "./reference";
import { createTerritorySchema } from "./schema";

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
