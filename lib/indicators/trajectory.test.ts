import { describe, expect, it } from "vitest";
import { indicatorStanding } from "./trajectory";

const on = (text: string) => new Date(`${text}T00:00:00Z`);
const rising = {
  direction: "increase" as const,
  baseline: { value: 0, on: on("2024-01-01") },
  target: { value: 100, on: on("2026-01-01") },
};

describe("indicator standing", () => {
  it("compares the latest value with the straight path from baseline to target", () => {
    expect(indicatorStanding(rising, { value: 60, on: on("2025-01-01") })).toBe("on_track");
    expect(indicatorStanding(rising, { value: 45, on: on("2025-01-01") })).toBe("at_risk");
    expect(indicatorStanding(rising, { value: 20, on: on("2025-01-01") })).toBe("late");
    expect(indicatorStanding(rising, { value: 100, on: on("2025-01-01") })).toBe("reached");
  });

  it("reads a falling target the other way", () => {
    const falling = {
      direction: "decrease" as const,
      baseline: { value: 30, on: on("2024-01-01") },
      target: { value: 10, on: on("2026-01-01") },
    };
    expect(indicatorStanding(falling, { value: 18, on: on("2025-01-01") })).toBe("on_track");
    expect(indicatorStanding(falling, { value: 29, on: on("2025-01-01") })).toBe("late");
  });

  it("says nothing without a measurement or a target", () => {
    expect(indicatorStanding(rising, null)).toBe("unknown");
    expect(indicatorStanding({ ...rising, target: null }, { value: 1, on: on("2025-01-01") })).toBe("unknown");
  });
});
