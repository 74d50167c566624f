import { describe, expect, it } from "vitest";
import { axisProgress, contractProgress, ficheProgress, weightedProgress } from "./progress";

const fiche = (
  progress: number,
  objectives: Array<{ progress: number; weight?: number; status?: string }> = [],
  extra: { weight?: number; status?: string } = {},
) => ({
  progress,
  weight: extra.weight ?? null,
  status: extra.status ?? "in_progress",
  objectives: objectives.map((objective) => ({
    progress: objective.progress,
    weight: objective.weight ?? null,
    status: objective.status ?? "in_progress",
  })),
});

describe("progress roll-up", () => {
  it("averages objectives into their fiche, weighted, without abandoned ones", () => {
    expect(ficheProgress(fiche(10, [{ progress: 100 }, { progress: 0 }]))).toBe(50);
    expect(ficheProgress(fiche(10, [{ progress: 100, weight: 3 }, { progress: 0 }]))).toBe(75);
    expect(ficheProgress(fiche(10, [{ progress: 100 }, { progress: 0, status: "abandoned" }]))).toBe(100);
  });

  it("uses the fiche's own progress when it has no objective", () => {
    expect(ficheProgress(fiche(40))).toBe(40);
  });

  it("rolls fiches into axes and axes into the contract", () => {
    const axes = [
      { fiches: [fiche(100), fiche(0, [{ progress: 50 }])] },
      { fiches: [fiche(20, [], { weight: 2 }), fiche(80)] },
      { fiches: [] },
    ];
    expect(axisProgress(axes[0])).toBe(75);
    expect(axisProgress(axes[1])).toBe(40);
    expect(axisProgress(axes[2])).toBeNull();
    expect(contractProgress(axes)).toBe(58);
  });

  it("has no progress without items", () => {
    expect(weightedProgress([])).toBeNull();
    expect(contractProgress([])).toBeNull();
  });
});
