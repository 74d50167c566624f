import { describe, expect, it } from "vitest";
import { fichesByStatusLabel, monthsLeftLabel } from "./labels";

describe("the portfolio's labels", () => {
  it("make each status agree with its count, in the statuses' order", () => {
    expect(fichesByStatusLabel({ not_started: 1, in_progress: 2, completed: 3, delayed: 0, abandoned: 2 })).toBe(
      "1\u00a0non commencée, 2\u00a0en cours, 3\u00a0réalisées, 2\u00a0abandonnées",
    );
    expect(fichesByStatusLabel({ not_started: 0, in_progress: 0, completed: 0, delayed: 0, abandoned: 0 })).toBe("Aucune fiche");
  });

  it("say how long a contract has left, or since when it ended", () => {
    expect(monthsLeftLabel(14)).toBe("14\u00a0mois");
    expect(monthsLeftLabel(-3)).toBe("échu depuis 3\u00a0mois");
    expect(monthsLeftLabel(0)).toBe("moins d’un mois");
    expect(monthsLeftLabel(null)).toBe("—");
  });
});
