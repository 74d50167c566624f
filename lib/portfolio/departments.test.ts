import { describe, expect, it } from "vitest";
import { listGeoDepartments, listGeoRegions, listRegionDepartments } from "@/lib/geo/reference";
import { PREFECTURE_CODES, regionTiles } from "./departments";

const DEPARTMENTS = listGeoDepartments();
const REGION_CODES = listGeoRegions().map((region) => region.code);

describe("départements and their tile-grid map", () => {
  it("cover the 101 départements of the 18 regions with an ARS, overseas included", () => {
    expect(DEPARTMENTS).toHaveLength(101);
    expect(REGION_CODES).toHaveLength(18);
    expect(listRegionDepartments("03").map((department) => department.name)).toEqual(["Guyane"]);
    expect(listRegionDepartments("94").map((department) => department.code)).toEqual(["2A", "2B"]);
  });

  it("place every département from its prefecture", () => {
    expect([...PREFECTURE_CODES].sort()).toEqual(DEPARTMENTS.map((department) => department.code).sort());
  });

  it.each(REGION_CODES)("give each département of region %s its own cell, from 0,0", (region) => {
    const tiles = regionTiles(region);
    expect(tiles).toHaveLength(listRegionDepartments(region).length);
    expect(new Set(tiles.map((tile) => `${tile.column},${tile.row}`)).size).toBe(tiles.length);
    expect(Math.min(...tiles.map((tile) => tile.column))).toBe(0);
    expect(Math.min(...tiles.map((tile) => tile.row))).toBe(0);
  });

  it("draw the same grid every time", () => {
    expect(regionTiles("76")).toEqual(regionTiles("76"));
    // Occitanie: Lot (46) north of Haute-Garonne (31), Pyrénées-Orientales (66) east of Ariège (09).
    const at = Object.fromEntries(regionTiles("76").map((tile) => [tile.code, tile]));
    expect(at["46"].row).toBeLessThan(at["31"].row);
    expect(at["66"].column).toBeGreaterThan(at["09"].column);
  });
});
