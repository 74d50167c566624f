import { describe, expect, it } from "vitest";
import { judgeIndicator } from "./trajectory";

const on = (text: string) => new Date(`${text}T00:00:00Z`);
const today = on("2025-06-01");
const rising = {
  direction: "increase" as const,
  baseline: { value: 0, on: on("2024-01-01") },
  target: { value: 100, on: on("2026-01-01") },
};
const standing = (indicator: Parameters<typeof judgeIndicator>[0], value: number, measuredOn = "2025-01-01", asOf = today) =>
  judgeIndicator(indicator, { value, on: on(measuredOn) }, asOf).standing;

describe("indicator judgement", () => {
  it("compares the latest value with the straight path from baseline to target", () => {
    expect(standing(rising, 60)).toBe("on_track");
    expect(standing(rising, 45)).toBe("at_risk");
    expect(standing(rising, 20)).toBe("late");
    expect(standing(rising, 100)).toBe("reached");
  });

  it("reads a falling target the other way", () => {
    const falling = {
      direction: "decrease" as const,
      baseline: { value: 30, on: on("2024-01-01") },
      target: { value: 10, on: on("2026-01-01") },
    };
    expect(standing(falling, 18)).toBe("on_track");
    expect(standing(falling, 29)).toBe("late");
  });

  it("says why it cannot judge: no measurement, no dated target, or no baseline before the target date", () => {
    expect(judgeIndicator(rising, null, today)).toEqual({ standing: "unknown", reason: "no_measurement" });
    expect(judgeIndicator({ ...rising, target: null }, { value: 1, on: on("2025-01-01") }, today)).toEqual({
      standing: "unknown",
      reason: "no_target",
    });
    expect(judgeIndicator({ ...rising, baseline: null }, { value: 60, on: on("2025-01-01") }, today)).toEqual({
      standing: "unknown",
      reason: "no_baseline",
    });
  });

  it("judges a target not reached by its date late, with or without a baseline", () => {
    const afterTarget = on("2026-03-01");
    expect(standing({ ...rising, baseline: null }, 60, "2025-01-01", afterTarget)).toBe("late");
    expect(standing(rising, 99, "2025-12-01", afterTarget)).toBe("late");
    expect(standing({ ...rising, baseline: null }, 100, "2025-01-01", afterTarget)).toBe("reached");
    expect(judgeIndicator({ ...rising, baseline: null }, { value: 60, on: on("2025-01-01") }, afterTarget).reason).toBeNull();
  });
});
