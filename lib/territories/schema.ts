import { z } from "zod";
import { TerritoryKind } from "@/lib/db/generated/enums";
import { GEO_VALUE_PATTERN } from "@/lib/geo/values";
import { PUBLIC_STATUS_KEYS } from "@/lib/contracts/labels";
import { departmentParam, firstValue, listParamsSchema, queryText } from "@/lib/params/list-params";
import { optionalText, requiredText, uuidField, versionField } from "@/lib/validation/fields";

/**
 * A territory, placed in the State's administrative reference by the place the admin picked
 * (a commune, an EPCI or a département): its official codes are read there by the server, never
 * typed. Without a place, the territory records no code.
 */
export const createTerritorySchema = z.object({
  name: requiredText("Saisissez le nom du territoire.", 160, { min: 2 }),
  kind: z.enum(TerritoryKind, { error: "Choisissez le type de territoire." }),
  regionId: uuidField("Choisissez la région."),
  department: optionalText(80),
  reference: optionalText(20).refine(
    (value) => value === null || GEO_VALUE_PATTERN.test(value),
    "Choisissez une commune, un EPCI ou un département proposé par la liste.",
  ),
});

/** The same form on an existing territory, from the version the admin loaded (its slug, its address, stays). */
export const updateTerritorySchema = createTerritorySchema.extend({
  territoryId: uuidField("Territoire introuvable."),
  version: versionField,
});

/** The home page's directory: a page, a region, a département, and a commune to find. */
export const directoryParamsSchema = listParamsSchema.extend({
  departement: departmentParam,
  /** The current contract's status as the public reads it (lib/contracts/public-status). */
  statut: z.preprocess(firstValue, z.enum(PUBLIC_STATUS_KEYS).optional()).catch(undefined),
  /** A commune's name or postcode (lib/geo searchCommunes). */
  commune: queryText(100),
});

export type DirectoryParams = z.infer<typeof directoryParamsSchema>;

export function readDirectoryParams(searchParams: Record<string, string | string[] | undefined>): DirectoryParams {
  return directoryParamsSchema.parse(searchParams);
}
