import { describe, expect, it } from "vitest";
import { publicIndicatorTrajectories } from "./fiche-indicators";

const indicator = (id: string, values: Record<string, string | number | null>, measurements: Array<[string, string | null]>) => ({
  id,
  objectiveId: null,
  values,
  measurements: measurements.map(([measuredOn, value]) => ({ measuredOn, value })),
});

describe("publicIndicatorTrajectories", () => {
  const fiche = (indicators: ReturnType<typeof indicator>[]) => ({ number: 4, axisId: "axe", content: { indicators } });
  const asOf = new Date("2026-03-12T00:00:00Z");

  it("draws each measured indicator from its public values: baseline, measurements in date order, target", () => {
    const [chart] = publicIndicatorTrajectories(
      fiche([
        indicator(
          "11111111-1111-4111-8111-111111111111",
          {
            name: "Personnes accompagnées",
            unit: "personnes",
            direction: "increase",
            baseline_value: "10.0000",
            baseline_on: "2024-01-01",
            target_value: "50.0000",
            target_on: "2027-01-01",
          },
          [
            ["2025-01-01", "30.0000"],
            ["2024-07-01", "20.5000"],
            ["2025-07-01", null],
          ],
        ),
      ]),
      asOf,
    );
    expect(chart.indicator).toMatchObject({
      name: "Personnes accompagnées",
      ficheNumber: 4,
      latestValue: 30,
      baselineValue: 10,
      targetValue: 50,
    });
    expect(chart.trajectory.points.map((point) => [point.date, point.measured, point.path])).toEqual([
      ["1er\u00a0janvier\u00a02024", null, 10],
      ["1er\u00a0juillet\u00a02024", 20.5, null],
      ["1er\u00a0janvier\u00a02025", 30, null],
      ["1er\u00a0janvier\u00a02027", null, 50],
    ]);
    expect(chart.trajectory.target).toBe(50);
    expect(chart.trajectory.summary).toMatch(
      /^Personnes accompagnées\u00a0: départ 10\u00a0personnes le 1er\u00a0janvier\u00a02024, dernière mesure 30/,
    );
  });

  it("leaves out the indicators not measured yet, and draws without a target those that have none", () => {
    const charts = publicIndicatorTrajectories(
      fiche([
        indicator("22222222-2222-4222-8222-222222222222", { name: "Sans mesure" }, []),
        indicator("33333333-3333-4333-8333-333333333333", { name: "Sans cible", direction: "decrease" }, [["2025-01-01", "4"]]),
      ]),
      asOf,
    );
    expect(charts.map((chart) => chart.indicator.name)).toEqual(["Sans cible"]);
    expect(charts[0].trajectory.target).toBeNull();
    expect(charts[0].indicator.direction).toBe("decrease");
  });
});
