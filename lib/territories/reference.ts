// A territory's official codes, read in the State's reference from the place the admin picked:
// the browser sends only which place ("epci:246200364"); what it would say of its codes is never read.
import { fieldError, ok, type ActionResult } from "@/lib/actions/result";
import type { TerritoryKind } from "@/lib/db/generated/enums";
import { departmentNames } from "@/lib/geo/queries";
import { findGeoEntry, findGeoRegion, geoEntryLabel, geoValue, parseGeoValue, territoryCodes, type GeoEntry } from "@/lib/geo/reference";
import { codesSummary } from "@/lib/geo/queries";
import { TERRITORY_KIND_LABELS } from "./labels";

export type PlacedTerritory = {
  department: string | null;
  departmentCodes: string[];
  communeCodes: string[];
  inseeCode: string | null;
  siren: string | null;
};

const UNPLACED = { departmentCodes: [], communeCodes: [], inseeCode: null, siren: null };

/**
 * The codes of the picked place, once checked against what the form says: the region must be the
 * place's, and a commune or an EPCI is of its own kind (a département holds a pays, a PETR… of any kind).
 */
export function placeInReference(
  input: { reference: string | null; kind: TerritoryKind; department: string | null },
  region: { name: string; inseeCode: string },
): ActionResult<PlacedTerritory> {
  if (!input.reference) return ok({ ...UNPLACED, department: input.department });
  const picked = parseGeoValue(input.reference);
  const entry = picked && findGeoEntry(picked.type, picked.code);
  if (!entry) return fieldError("reference", "Ce lieu n’est pas dans le référentiel officiel\u00a0: choisissez-en un dans la liste.");
  if (entry.regionCode !== region.inseeCode)
    return fieldError(
      "regionId",
      `${entry.name} est en région ${findGeoRegion(entry.regionCode)?.name ?? entry.regionCode}, pas ${region.name}.`,
    );
  if (entry.kind && entry.kind !== input.kind)
    return fieldError("kind", `${entry.name} est de type «\u00a0${TERRITORY_KIND_LABELS[entry.kind]}\u00a0».`);
  return ok({ ...territoryCodes(entry), department: input.department ?? departmentNames(entry.departmentCodes).slice(0, 80) });
}

/** The place a territory's recorded codes name (its commune, its EPCI, its one département), or null. */
function placeOf(territory: {
  inseeCode: string | null;
  siren: string | null;
  departmentCodes: readonly string[];
  communeCodes: readonly string[];
}) {
  if (territory.inseeCode) return findGeoEntry("commune", territory.inseeCode);
  if (territory.siren) return findGeoEntry("epci", territory.siren);
  if (territory.departmentCodes.length === 1 && !territory.communeCodes.length)
    return findGeoEntry("departement", territory.departmentCodes[0]);
  return null;
}

/** The picker's current choice for a territory: the place, as an option, and its codes in words; nothing for an unplaced territory. */
export function placeOption(territory: Parameters<typeof placeOf>[0]): { value: string; label: string; codes: string } | null {
  const entry: GeoEntry | null = placeOf(territory);
  return entry ? { value: geoValue(entry), label: geoEntryLabel(entry), codes: codesSummary(entry) } : null;
}
