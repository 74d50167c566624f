// The territory picker's suggestions (platform admins): places of the State's reference whose
// name or code matches what was typed, with what choosing one fills in the creation form.
import { assertCan, type Actor } from "@/lib/authz";
import { findGeoDepartment, geoEntryLabel, geoValue, searchGeo, type GeoEntry } from "./reference";

/** A suggestion as the picker receives it: an option, and the fields choosing it fills. */
export type GeoSuggestion = {
  value: string;
  label: string;
  name: string;
  kind: GeoEntry["kind"];
  regionCode: string;
  /** The départements' names, as the territory displays them ("Drôme", "Charente, Vienne"). */
  department: string;
  /** The official codes the server will record, said in words for the form. */
  codes: string;
};

export function departmentNames(codes: readonly string[]): string {
  return codes.map((code) => findGeoDepartment(code)?.name ?? code).join(", ");
}

/** What the territory will record, in French: "Département 62 · SIREN 246200364 · 36 communes". */
export function codesSummary(entry: GeoEntry): string {
  const parts = [`${entry.departmentCodes.length > 1 ? "Départements" : "Département"} ${entry.departmentCodes.join(", ")}`];
  if (entry.inseeCode) parts.push(`code INSEE ${entry.inseeCode}`);
  if (entry.siren) parts.push(`SIREN ${entry.siren}`);
  if (entry.type === "epci") parts.push(`${entry.communeCodes.length} communes`);
  return parts.join(" · ");
}

export function suggestGeoEntries(actor: Actor, q: string | undefined): GeoSuggestion[] {
  assertCan(actor, "platform.administer");
  return searchGeo(q ?? "").map((entry) => ({
    value: geoValue(entry),
    label: geoEntryLabel(entry),
    name: entry.name,
    kind: entry.kind,
    regionCode: entry.regionCode,
    department: departmentNames(entry.departmentCodes),
    codes: codesSummary(entry),
  }));
}
