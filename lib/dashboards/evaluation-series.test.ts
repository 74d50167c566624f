import { describe, expect, it } from "vitest";
import type { EvaluatedAxis, EvaluatedFiche } from "@/lib/evaluations/figures";
import type { FrozenAssessment } from "@/lib/evaluations/schema";
import {
  budgetPlannedSpent,
  campaignAchievementByAxis,
  compareCampaigns,
  contributionsByPartner,
  criteriaAverages,
  realisationByAxis,
} from "./evaluation-series";

const assessment = (realisationStatus: FrozenAssessment["realisationStatus"], achievementRate: number | null) =>
  ({ realisationStatus, achievementRate }) as FrozenAssessment;
const fiche = (assessed: FrozenAssessment | null): EvaluatedFiche => ({
  id: "f",
  axisId: "a",
  number: 1,
  title: "Fiche",
  status: null,
  pilot: null,
  assessment: assessed,
  planned: "0.00",
  spent: null,
});
const axis = (number: number, fiches: EvaluatedFiche[], achievement: number | null): EvaluatedAxis => ({
  id: `a${number}`,
  number,
  title: `Axe numéro ${number}`,
  isTransversal: false,
  fiches,
  assessed: fiches.filter((entry) => entry.assessment).length,
  achievement,
});
const axes = [
  axis(1, [fiche(assessment("completed", 100)), fiche(assessment("partially_completed", 40))], 70),
  axis(2, [fiche(assessment("not_started", 0)), fiche(null)], 0),
  axis(3, [fiche(null)], null),
];

describe("campaign dashboard series", () => {
  it("says which axis is the most and the least achieved, and keeps axes without a rate in the table", () => {
    const { rows, summary } = campaignAchievementByAxis(axes);
    expect(rows.map((row) => [row.label, row.value, row.assessed, row.fiches])).toEqual([
      ["Axe 1", 70, 2, 2],
      ["Axe 2", 0, 1, 2],
      ["Axe 3", null, 0, 1],
    ]);
    expect(summary).toBe(
      "Taux de réalisation moyen des fiches évaluées\u202f: Axe 1 est le plus avancé (70\u202f%), le moins avancé Axe 2 (0\u202f%).",
    );
    expect(campaignAchievementByAxis([axis(1, [fiche(null)], null)]).summary).toMatch(/^Aucune fiche action évaluée/);
  });

  it("counts fiches by realisation per axis, the unassessed ones as « Non évaluée »", () => {
    const { rows, summary } = realisationByAxis(axes);
    expect(rows[1].values).toEqual({ completed: 0, partially_completed: 0, not_started: 1, abandoned: 0, unassessed: 1 });
    expect(summary).toMatch(/^5\sfiches actions\u00a0: 1 réalisée, 1 partiellement réalisée, 1 non démarrée et 2 non évaluées\.$/);
  });

  it("names the best and worst rated criteria on the 1 to 4 scale", () => {
    const { rows, summary } = criteriaAverages({
      relevance: { average: 3.5, count: 2 },
      coherence: { average: 3, count: 2 },
      effectiveness: { average: 2.5, count: 2 },
      efficiency: { average: null, count: 0 },
      impact: { average: 3, count: 1 },
    });
    expect(rows.map((row) => row.value)).toEqual([3.5, 3, 2.5, null, 3]);
    expect(summary).toBe("Le critère le mieux noté est pertinence (3,5 sur 4), le moins bien noté efficacité (2,5 sur 4).");
    const none = { average: null, count: 0 };
    expect(criteriaAverages({ relevance: none, coherence: none, effectiveness: none, efficiency: none, impact: none }).summary).toBe(
      "Aucun critère n’est encore noté.",
    );
  });

  it("puts exact euros in the table and the spending rate in the sentence", () => {
    const { rows, summary } = budgetPlannedSpent(
      [
        { funder: "ARS", planned: "4000.40", spent: "999.99" },
        { funder: null, planned: "0.80", spent: "0.00" },
      ],
      { planned: "4001.20", spent: "999.99" },
    );
    expect(rows[0]).toMatchObject({ label: "ARS", planned: 4000.4, spent: 999.99 });
    expect(rows[0].plannedText).toMatch(/^4\s000,40\s€$/);
    expect(rows[1].label).toBe("Financeur non précisé");
    expect(summary).toMatch(
      /^999,99\s€ dépensés sur 4\s001,20\s€ prévus \(25\s%\) avec 2\sfinanceurs\s; le premier, ARS, a 999,99\s€ dépensés sur 4\s000,40\s€\.$/,
    );
    expect(budgetPlannedSpent([], { planned: "0.00", spent: "0.00" }).summary).toMatch(/^Aucune ligne de budget/);
  });

  it("stacks each partner's commitments by outcome, unreported ones included", () => {
    const { rows, summary } = contributionsByPartner([
      { organisationId: "o1", organisation: "CPAM", commitments: 4, outcomes: { kept: 2, partly_kept: 1, not_kept: 0, unreported: 1 } },
      { organisationId: "o2", organisation: "Commune", commitments: 1, outcomes: { kept: 0, partly_kept: 0, not_kept: 1, unreported: 0 } },
    ]);
    expect(rows[0]).toEqual({ label: "CPAM", values: { kept: 2, partly_kept: 1, not_kept: 0, unreported: 1 }, total: 4 });
    expect(summary).toMatch(/^5\sengagements de 2\spartenaires\u00a0: 2 tenus, 1 partiellement tenu, 1 non tenu et 1 non renseigné\.$/);
  });

  it("compares mid-term and final by axis, realisation and budget", () => {
    const figures = (achievement: number | null, completed: number, spent: string, byAxis: EvaluatedAxis[]) => ({
      axes: byAxis,
      achievement,
      realisation: { completed, partially_completed: 0, not_started: 0, abandoned: 0, unassessed: 1 },
      budgetTotal: { planned: "100.00", spent },
    });
    const comparison = compareCampaigns(
      { kind: "mid_term", figures: figures(40, 1, "20.00", axes.slice(0, 2)) },
      { kind: "final", figures: figures(null, 3, "80.50", [axis(2, [], 90), axis(1, [], 75)]) },
    );
    expect(comparison.axes.map((row) => [row.label, row.midTerm, row.final])).toEqual([
      ["Axe 1", 70, 75],
      ["Axe 2", 0, 90],
    ]);
    expect(comparison.realisation[0]).toEqual({ key: "completed", label: "Réalisées", midTerm: 1, final: 3 });
    expect(comparison.budget[1].label).toBe("Budget dépensé");
    expect(comparison.summary).toMatch(
      /^Taux de réalisation moyen\s: 40\s% à mi-parcours, pas encore de taux à l’évaluation finale\s; fiches réalisées\s: 1 puis 3\s; budget dépensé\s: 20,00\s€ puis 80,50\s€\.$/,
    );
  });
});
