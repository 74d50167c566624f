import { describe, expect, it } from "vitest";
import { findingCoverage } from "./coverage";

describe("finding coverage", () => {
  it("marks a finding covered when a fiche answers it, and counts both kinds", () => {
    const coverage = findingCoverage([
      { id: "a", text: "Démographie médicale fragile", fiches: [{ number: 1 }] },
      { id: "b", text: "Sédentarité", fiches: [] },
      { id: "c", text: "Non-recours aux droits", fiches: [{ number: 2 }, { number: 3 }] },
    ]);
    expect(coverage.findings.map((finding) => finding.covered)).toEqual([true, false, true]);
    expect(coverage).toMatchObject({ total: 3, covered: 2, uncovered: 1 });
  });

  it("counts nothing for a diagnosis without findings", () => {
    expect(findingCoverage([])).toEqual({ findings: [], total: 0, covered: 0, uncovered: 0 });
  });
});
