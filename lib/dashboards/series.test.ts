import { describe, expect, it } from "vitest";
import type { ProgressStatus } from "@/lib/db/generated/enums";
import {
  achievementByAxis,
  budgetByFunder,
  commitmentsByPartner,
  fichesByStatus,
  indicatorsByStanding,
  indicatorTrajectory,
  type DashboardAxis,
  type DashboardIndicator,
} from "./series";

const on = (text: string) => new Date(`${text}T00:00:00Z`);
const today = on("2025-06-01");
const fiche = (status: ProgressStatus, progress: number, objectives: { progress: number }[] = []) => ({
  status,
  progress,
  weight: null,
  objectives: objectives.map((objective) => ({ ...objective, weight: null, status: "in_progress" as const })),
});
const axis = (number: number, fiches: DashboardAxis["fiches"]): DashboardAxis => ({
  id: `a${number}`,
  number,
  title: `Axe numéro ${number}`,
  isTransversal: false,
  fiches,
});
const axes = [
  axis(1, [fiche("completed", 100), fiche("in_progress", 40)]),
  axis(2, [fiche("in_progress", 0, [{ progress: 80 }, { progress: 64 }]), fiche("abandoned", 0)]),
  axis(3, [fiche("not_started", 0)]),
  axis(4, []),
];
const indicator = (overrides: Partial<DashboardIndicator>): DashboardIndicator => ({
  id: "i",
  axisId: "a1",
  ficheNumber: 1,
  name: "Ateliers tenus",
  unit: "ateliers",
  direction: "increase",
  baselineValue: 0,
  baselineOn: on("2024-01-01"),
  targetValue: 100,
  targetOn: on("2026-01-01"),
  latestValue: 60,
  latestOn: on("2025-01-01"),
  ...overrides,
});

describe("dashboard series", () => {
  it("rolls progress up by axis as the contract page does, and names the most advanced axis", () => {
    const { rows, summary } = achievementByAxis(axes);
    // Axis 2: its live fiche takes its objectives' average (72 %); the abandoned one does not count.
    expect(rows.map((row) => row.value)).toEqual([70, 72, 0, null]);
    expect(summary).toBe("2 axes sur 4 dépassent 50\u202f% d’avancement\u202f; l’axe 2 est le plus avancé (72\u202f%).");
    expect(achievementByAxis(axes.slice(1)).summary).toMatch(/^1 axe sur 3 dépasse 50/);
    expect(achievementByAxis(axes.slice(2)).summary).toBe(
      "Aucun axe ne dépasse encore 50\u202f% d’avancement\u202f; l’axe 3 est le plus avancé (0\u202f%).",
    );
  });

  it("counts fiches by status per axis", () => {
    const { rows, summary } = fichesByStatus(axes);
    expect(rows[0].values).toMatchObject({ completed: 1, in_progress: 1, delayed: 0 });
    expect(rows[1].values).toMatchObject({ in_progress: 1, abandoned: 1 });
    expect(summary).toBe("5\u00a0fiches actions\u00a0: 1 réalisée, 2 en cours, 1 non commencée et 1 abandonnée.");
  });

  it("judges each indicator and says why those that cannot be judged are not", () => {
    const indicators = [
      indicator({ id: "on-track" }),
      indicator({ id: "reached", latestValue: 100 }),
      indicator({ id: "late", axisId: "a2", targetOn: on("2025-03-01") }),
      indicator({ id: "unmeasured", axisId: "a2", latestValue: null, latestOn: null }),
      indicator({ id: "no-baseline", axisId: "a3", baselineValue: null, baselineOn: null }),
      indicator({ id: "no-target", axisId: "a3", targetOn: null }),
    ];
    const { rows, summary } = indicatorsByStanding(axes, indicators, today);
    expect(rows.map((row) => row.values)).toEqual([
      { reached: 1, on_track: 1, at_risk: 0, late: 0, unknown: 0 },
      { reached: 0, on_track: 0, at_risk: 0, late: 1, unknown: 1 },
      { reached: 0, on_track: 0, at_risk: 0, late: 0, unknown: 2 },
      { reached: 0, on_track: 0, at_risk: 0, late: 0, unknown: 0 },
    ]);
    expect(summary).toBe(
      "2 sur 6\u00a0indicateurs atteignent leur cible ou suivent leur trajectoire\u202f; 1 est en retard ou à surveiller\u202f; " +
        "3 ne peuvent pas encore être jugés (1 sans mesure, 1 sans cible datée, 1 sans valeur de départ avant leur date cible).",
    );
  });

  it("draws an indicator's measurements in time order beside the path from its baseline to its target", () => {
    const measurements = [
      { value: 20, measuredOn: on("2024-06-01") },
      { value: 60, measuredOn: on("2025-01-01") },
    ];
    const { points, target, summary, judgement } = indicatorTrajectory(indicator({}), measurements, today);
    expect(points.map(({ measured, path }) => [measured, path])).toEqual([
      [null, 0],
      [20, null],
      [60, null],
      [null, 100],
    ]);
    expect(target).toBe(100);
    expect(judgement.standing).toBe("on_track");
    expect(summary).toBe(
      "Ateliers tenus\u00a0: départ 0\u00a0ateliers le 1er\u00a0janvier\u00a02024, dernière mesure 60\u00a0ateliers le 1er\u00a0janvier\u00a02025, " +
        "cible 100\u00a0ateliers au 1er\u00a0janvier\u00a02026\u202f; dans la trajectoire.",
    );
    const unjudged = indicatorTrajectory(indicator({ baselineValue: null }), measurements, today);
    expect(unjudged.points.every((point) => point.path === null)).toBe(true);
    expect(unjudged.summary).toMatch(/; pas encore mesurable \(sans valeur de départ, il sera jugé à sa date cible\)\.$/);
  });

  it("sums the budget by funder, the largest first, with lines of no named funder together", () => {
    const { rows, total, summary } = budgetByFunder([
      { funder: "CPAM", amount: 10000 },
      { funder: null, amount: 5000 },
      { funder: "ARS", amount: 30000 },
    ]);
    expect(rows.map((row) => row.label)).toEqual(["ARS", "CPAM", "Financeur non précisé"]);
    expect(total).toBe(45000);
    expect(summary).toBe(
      "45\u202f000,00\u00a0€ prévus avec 3\u00a0financeurs\u202f; le premier est ARS (30\u202f000,00\u00a0€, 67\u202f%).",
    );
    expect(budgetByFunder([]).summary).toBe("Aucune ligne de budget n’est saisie dans les fiches actions.");
  });

  it("counts each partner's commitments kept, under way, not started and late, leaving abandoned ones out", () => {
    const count = (organisation: string, status: ProgressStatus, count: number, overdue = false) => ({
      organisationId: organisation,
      organisation,
      status,
      overdue,
      count,
    });
    const { rows, summary } = commitmentsByPartner([
      count("CPTS", "completed", 2),
      count("CPTS", "in_progress", 1, true),
      count("CPTS", "delayed", 1),
      count("CAF", "not_started", 1),
      count("CAF", "abandoned", 4),
      count("CPAM", "in_progress", 3),
    ]);
    expect(rows.map((row) => [row.label, row.values, row.total])).toEqual([
      ["CPTS", { completed: 2, in_progress: 0, not_started: 0, late: 2 }, 4],
      ["CPAM", { completed: 0, in_progress: 3, not_started: 0, late: 0 }, 3],
      ["CAF", { completed: 0, in_progress: 0, not_started: 1, late: 0 }, 1],
    ]);
    expect(summary).toBe(
      "8\u00a0engagements de 3\u00a0partenaires\u00a0: 2 tenus, 3 en cours, 1 non commencé et 2 en retard\u202f; CPTS a le plus d’engagements en retard (2).",
    );
  });
});
