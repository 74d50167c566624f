import { describe, expect, it } from "vitest";
import { readListParams } from "./list-params";

describe("list parameters", () => {
  it("read a page number and a region slug", () => {
    expect(readListParams({ page: "3", region: "occitanie" })).toEqual({ page: 3, region: "occitanie" });
  });

  it("fall back to the first page and no filter on values no list can have", () => {
    for (const page of ["0", "-2", "abc", "1.5", "1e20", ""]) expect(readListParams({ page }).page).toBe(1);
    for (const region of ["Occitanie", "a b", "x".repeat(81), "\u0000"]) expect(readListParams({ region }).region).toBeUndefined();
  });

  it("read search words as one trimmed line of text", () => {
    expect(readListParams({ q: "  CPAM Drôme " }).q).toBe("CPAM Drôme");
    for (const q of ["", "   ", "a\u0000b", "ligne\nautre", "x".repeat(101)]) expect(readListParams({ q }).q).toBeUndefined();
  });

  it("take the first of a repeated parameter", () => {
    expect(readListParams({ page: ["2", "9"], region: ["bretagne", "corse"] })).toEqual({ page: 2, region: "bretagne" });
  });
});
