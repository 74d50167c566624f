// Regions are created by platform admins.
import { onPlatform } from "@/lib/actions/targets";

import { fieldError, ok } from "@/lib/actions/result";
import { createAudited } from "@/lib/audit/record";
import { uniqueViolationTarget } from "@/lib/db/errors";
import { slugify } from "@/lib/text/slug";
import { createRegionSchema } from "./schema";

export const createRegion = onPlatform("region.create", createRegionSchema, async (context, input) => {
  const data = { ...input, slug: slugify(input.name) };
  try {
    const region = await createAudited(
      context,
      { action: "region.create", entityType: "Region", entityLabel: input.name, territoryId: null, after: data },
      (tx) => tx.region.create({ data, select: { id: true } }),
    );
    return ok({ regionId: region.id }, `La région ${input.name} est créée.`);
  } catch (error) {
    const target = uniqueViolationTarget(error);
    if (target?.includes("inseeCode")) return fieldError("inseeCode", "Une région porte déjà ce code INSEE.");
    if (target?.includes("slug")) return fieldError("name", "Une région porte déjà ce nom.");
    throw error;
  }
});
