import { describe, expect, it } from "vitest";
import type { RealisationStatus } from "@/lib/db/generated/enums";
import type { EvaluatedAxis, RealisationCounts } from "@/lib/evaluations/figures";
import { achievementByAxis, realisationByAxis } from "./evaluation";

/** An axis whose fiches have these realisation statuses (null: not assessed) and this mean achievement. */
function axis(
  number: number | null,
  statuses: Array<RealisationStatus | null>,
  achievement: number | null,
  isTransversal = false,
): EvaluatedAxis {
  const fiches = statuses.map((status, index) => ({
    id: `${number}-${index}`,
    axisId: String(number),
    number: index + 1,
    title: `Fiche ${index + 1}`,
    status: null,
    pilot: null,
    assessment: status ? ({ realisationStatus: status } as EvaluatedAxis["fiches"][number]["assessment"]) : null,
    planned: "0.00",
    spent: null,
  }));
  return {
    id: String(number),
    number,
    title: `Axe ${number}`,
    isTransversal,
    fiches,
    assessed: statuses.filter(Boolean).length,
    achievement,
  };
}

const countsOf = (axes: EvaluatedAxis[]) => {
  const counts: RealisationCounts = { completed: 0, partially_completed: 0, not_started: 0, abandoned: 0, unassessed: 0 };
  for (const fiche of axes.flatMap((entry) => entry.fiches)) counts[fiche.assessment?.realisationStatus ?? "unassessed"] += 1;
  return counts;
};

describe("achievement by axis", () => {
  it("names the axes with the lowest and highest mean rates", () => {
    const { rows, summary } = achievementByAxis([axis(1, ["completed"], 90), axis(2, ["abandoned"], 10), axis(null, [null], null, true)]);
    expect(rows.map((row) => [row.label, row.value, row.assessed, row.fiches])).toEqual([
      ["Axe 1", 90, 1, 1],
      ["Axe 2", 10, 1, 1],
      ["Axe transversal", null, 0, 1],
    ]);
    expect(summary).toBe("Le taux de réalisation moyen va de 10\u202f% pour l’axe 2 à 90\u202f% pour l’axe 1.");
  });

  it("says when one axis, or none, has a rate, and when all axes share one", () => {
    expect(achievementByAxis([axis(1, ["completed"], 75), axis(2, [null], null)]).summary).toBe(
      "Seul l’axe 1 a des fiches évaluées, réalisées en moyenne à 75\u202f%.",
    );
    expect(achievementByAxis([axis(1, [null], null)]).summary).toBe("Aucune fiche action évaluée ne donne de taux de réalisation.");
    expect(achievementByAxis([axis(1, ["completed"], 50), axis(2, ["completed"], 50)]).summary).toBe(
      "Les fiches évaluées de chaque axe sont réalisées en moyenne à 50\u202f%.",
    );
  });
});

describe("realisation by axis", () => {
  it("counts each axis's fiches by realisation, the unassessed apart, in one sentence", () => {
    const axes = [axis(1, ["completed", "completed", null], 100), axis(2, ["not_started", "abandoned"], 0)];
    const { rows, summary } = realisationByAxis(axes, countsOf(axes));
    expect(rows).toEqual([
      { label: "Axe 1", values: { completed: 2, partially_completed: 0, not_started: 0, abandoned: 0, unassessed: 1 } },
      { label: "Axe 2", values: { completed: 0, partially_completed: 0, not_started: 1, abandoned: 1, unassessed: 0 } },
    ]);
    expect(summary).toBe("4\u00a0fiches actions évaluées sur 5\u00a0: 2 réalisées, 1 non démarrée et 1 abandonnée.");
  });

  it("says when no fiche was assessed, or the contract had none", () => {
    const unassessed = [axis(1, [null, null], null)];
    expect(realisationByAxis(unassessed, countsOf(unassessed)).summary).toBe("Aucune des 2\u00a0fiches actions n’a été évaluée.");
    expect(realisationByAxis([], countsOf([])).summary).toBe("Le contrat n’avait pas de fiche action quand l’évaluation a été close.");
  });
});
