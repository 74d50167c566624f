import { describe, expect, it } from "vitest";
import { monthsUntil } from "./queries";

const day = (text: string) => new Date(`${text}T00:00:00Z`);

describe("months left", () => {
  it.each([
    ["2026-12-06", "2027-06-06", 6],
    ["2026-12-06", "2027-06-05", 5],
    ["2026-12-06", "2026-12-06", 0],
    ["2026-12-06", "2026-12-31", 0],
    ["2026-12-06", "2026-11-06", -1],
    ["2026-12-06", "2026-11-07", 0],
    ["2026-08-31", "2027-02-28", 6],
  ])("from %s to %s: %i", (today, end, months) => {
    expect(monthsUntil(day(today), day(end))).toBe(months);
  });
});
