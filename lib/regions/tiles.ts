// France's 18 regions on a tile-grid map (components/charts/tile-map.tsx): the 13 of mainland
// France placed roughly as they lie, the 5 overseas on a row of their own. Each tile shows the
// region's usual abbreviation; the table beside the map names them in full.
import { listGeoRegions } from "@/lib/geo/reference";

/** INSEE code → abbreviation and cell. */
const PLACES: Readonly<Record<string, { label: string; column: number; row: number }>> = {
  "32": { label: "HDF", column: 2, row: 0 },
  "28": { label: "NOR", column: 1, row: 1 },
  "11": { label: "IDF", column: 2, row: 1 },
  "44": { label: "GES", column: 3, row: 1 },
  "53": { label: "BRE", column: 0, row: 2 },
  "52": { label: "PDL", column: 1, row: 2 },
  "24": { label: "CVL", column: 2, row: 2 },
  "27": { label: "BFC", column: 3, row: 2 },
  "75": { label: "NAQ", column: 1, row: 3 },
  "84": { label: "ARA", column: 3, row: 3 },
  "76": { label: "OCC", column: 2, row: 4 },
  "93": { label: "PAC", column: 3, row: 4 },
  "94": { label: "COR", column: 4, row: 4 },
  // Overseas, a row apart.
  "01": { label: "GUA", column: 0, row: 6 },
  "02": { label: "MTQ", column: 1, row: 6 },
  "03": { label: "GUF", column: 2, row: 6 },
  "04": { label: "REU", column: 3, row: 6 },
  "06": { label: "MAY", column: 4, row: 6 },
};

/** Every region of the State's reference on the grid, in code order. */
export function franceRegionTiles(): Array<{ code: string; name: string; label: string; column: number; row: number }> {
  return listGeoRegions().map((region) => {
    const place = PLACES[region.code];
    if (!place) throw new Error(`Region ${region.code} has no place on the map: add it to lib/regions/tiles.ts`);
    return { code: region.code, name: region.name, ...place };
  });
}
