import { describe, expect, it } from "vitest";
import { publicFicheProgress, publicProgress } from "./progress";

describe("publicFicheProgress", () => {
  it("takes the objectives' plain average, without the abandoned ones, else the fiche's own progress", () => {
    const objectives = [
      { status: "in_progress", progress: 20 },
      { status: "completed", progress: 100 },
      { status: "abandoned", progress: 0 },
    ];
    expect(publicFicheProgress({ status: "in_progress", progress: 5 }, objectives)).toEqual({ status: "in_progress", progress: 60 });
    expect(publicFicheProgress({ status: "delayed", progress: 35 }, [])).toEqual({ status: "delayed", progress: 35 });
    expect(publicFicheProgress({ status: "delayed", progress: 35 }, [{ status: "abandoned", progress: 80 }])).toEqual({
      status: "delayed",
      progress: 35,
    });
  });

  it("reads nothing it does not recognise", () => {
    expect(publicFicheProgress({ status: "unknown", progress: 35 }, [])).toBeNull();
    expect(publicFicheProgress({}, [])).toBeNull();
    expect(publicFicheProgress({ status: "completed", progress: "100" }, [{ status: "completed", progress: 140 }])).toEqual({
      status: "completed",
      progress: 0,
    });
  });
});

describe("publicProgress", () => {
  const axes = [1, 2, 3].map((number) => ({ id: `axe-${number}`, number, title: `Axe ${number}`, isTransversal: false }));

  it("averages fiches into axes and axes into the contract, counting only the fiches whose progress it read", () => {
    const fiches = [
      { ficheId: "a", axisId: "axe-1" },
      { ficheId: "b", axisId: "axe-1" },
      { ficheId: "c", axisId: "axe-2" },
      { ficheId: "d", axisId: "axe-2" },
    ];
    const progress = new Map([
      ["a", { status: "completed" as const, progress: 100 }],
      ["b", { status: "not_started" as const, progress: 0 }],
      ["c", { status: "abandoned" as const, progress: 10 }],
    ]);
    const rollUp = publicProgress(axes, fiches, progress);
    expect(rollUp.fiches).toBe(3);
    expect(rollUp.started).toBe(true);
    expect(rollUp.achievementByAxis.rows.map((row) => row.value)).toEqual([50, null, null]);
    expect(rollUp.overall).toBe(50);
  });

  it("has no progress without a published fiche", () => {
    expect(publicProgress(axes, [], new Map())).toMatchObject({ fiches: 0, overall: null, started: false });
  });

  it("has not started while every fiche is not started, at no progress", () => {
    const fiches = [{ ficheId: "a", axisId: "axe-1" }];
    expect(publicProgress(axes, fiches, new Map([["a", { status: "not_started" as const, progress: 0 }]])).started).toBe(false);
    expect(publicProgress(axes, fiches, new Map([["a", { status: "not_started" as const, progress: 5 }]])).started).toBe(true);
  });
});
