import { describe, expect, it } from "vitest";
import { franceRegionTiles } from "./tiles";

describe("the map of France's regions", () => {
  it("places all 18 regions, overseas included, each in a cell of its own", () => {
    const tiles = franceRegionTiles();
    expect(tiles).toHaveLength(18);
    expect(tiles.map((tile) => tile.name)).toEqual(
      expect.arrayContaining(["Guadeloupe", "Mayotte", "La Réunion", "Corse", "Île-de-France"]),
    );
    expect(new Set(tiles.map((tile) => `${tile.column},${tile.row}`)).size).toBe(18);
  });
});
