import { describe, expect, it } from "vitest";
import { calendarDay } from "./json-rows";

describe("a date column's JSON value", () => {
  it("reads as the midnight UTC Date Prisma gives for it, whatever the day", () => {
    for (const day of ["2026-12-06", "2024-02-29", "1999-01-01", "2031-12-31"])
      expect(calendarDay(day)?.toISOString()).toBe(`${day}T00:00:00.000Z`);
    expect(calendarDay(null)).toBeNull();
  });
});
