// How a picker names an entry of the State's reference in a form ("commune:26281"): shared by the
// browser and the server, without the reference itself (which only the server loads).
export type GeoEntryType = "commune" | "epci" | "departement";

/** "commune:26281", "epci:246200364", "departement:2A". */
export const GEO_VALUE_PATTERN = /^(commune|epci|departement):([0-9AB]{2,9})$/;

export const geoValue = (entry: { type: GeoEntryType; code: string }) => `${entry.type}:${entry.code}`;

export function parseGeoValue(value: string): { type: GeoEntryType; code: string } | null {
  const match = GEO_VALUE_PATTERN.exec(value);
  return match ? { type: match[1] as GeoEntryType, code: match[2] } : null;
}
