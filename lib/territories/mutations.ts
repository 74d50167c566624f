// Territories (the tenants) are created by platform admins.
import { defineAction } from "@/lib/actions/define";
import { fieldError, ok } from "@/lib/actions/result";
import { recordAudit } from "@/lib/audit/record";
import { uniqueViolationTarget } from "@/lib/db/errors";
import { slugify } from "@/lib/text/slug";
import { createTerritorySchema } from "./schema";

export const createTerritory = defineAction({
  name: "territory.create",
  operation: "platform.administer",
  input: createTerritorySchema,
  resource: async () => ({}),
  async run(context, input) {
    const region = await context.db.region.findUnique({ where: { id: input.regionId! }, select: { id: true, name: true } });
    if (!region) return fieldError("regionId", "Cette région n’existe pas.");
    const data = { ...input, regionId: region.id, slug: slugify(input.name) };
    try {
      const territory = await context.db.$transaction(async (tx) => {
        const created = await tx.territory.create({ data, select: { id: true, slug: true } });
        await recordAudit(tx, context, {
          action: "territory.create",
          entityType: "Territory",
          entityId: created.id,
          entityLabel: input.name,
          territoryId: created.id,
          after: {
            name: input.name,
            slug: data.slug,
            kind: input.kind,
            region: region.name,
            department: input.department,
            inseeCode: input.inseeCode,
            siren: input.siren,
          },
        });
        return created;
      });
      return ok({ slug: territory.slug }, `Le territoire ${input.name} est créé. Invitez maintenant sa coordination.`);
    } catch (error) {
      if (uniqueViolationTarget(error)?.includes("slug"))
        return fieldError("name", "Un territoire porte déjà ce nom (son adresse serait la même).");
      throw error;
    }
  },
});
