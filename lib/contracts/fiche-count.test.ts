import { describe, expect, it } from "vitest";
import { ficheCountOf } from "./fiche-count";

describe("ficheCountOf", () => {
  it("uses the announced count until the fiches are recorded", () => {
    expect(ficheCountOf({ declaredFicheCount: 31 }, 0)).toBe(31);
    expect(ficheCountOf({ declaredFicheCount: 10 }, 12)).toBe(12);
    expect(ficheCountOf({ declaredFicheCount: null }, 4)).toBe(4);
  });
});
