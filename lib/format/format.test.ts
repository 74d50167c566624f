import { describe, expect, it } from "vitest";
import {
  selectPlural,
  formatCount,
  formatDate,
  formatDateTime,
  formatDecimal,
  formatDuration,
  formatEurosExact,
  formatFileSize,
  formatNumber,
  formatOrdinal,
} from "./index";

describe("French formatting", () => {
  it("writes dates the French way, with 1er for the first day", () => {
    expect(formatDate(new Date("2019-10-28T00:00:00Z"))).toBe("28\u00a0octobre\u00a02019");
    expect(formatDate(new Date("2014-10-01T00:00:00Z"))).toBe("1er\u00a0octobre\u00a02014");
    expect(formatDate(new Date("2019-01-01T00:00:00Z"), "month")).toBe("janvier\u00a02019");
    expect(formatDate(new Date("2019-01-01T00:00:00Z"), "year")).toBe("2019");
  });

  it("writes instants in Paris time, summer and winter", () => {
    expect(formatDateTime(new Date("2026-11-23T13:05:00Z"))).toBe("23\u00a0novembre\u00a02026 à\u00a014:05");
    expect(formatDateTime(new Date("2026-07-01T06:30:00Z"))).toBe("1er\u00a0juillet\u00a02026 à\u00a008:30");
  });

  it("writes durations in years and months", () => {
    expect(formatDuration(60)).toBe("5\u00a0ans");
    expect(formatDuration(12)).toBe("1\u00a0an");
    expect(formatDuration(18)).toBe("1\u00a0an et 6\u00a0mois");
    expect(formatDuration(7)).toBe("7\u00a0mois");
  });

  it("groups thousands with a narrow no-break space and agrees nouns", () => {
    expect(formatNumber(60000)).toBe("60\u202f000");
    expect(formatCount(1, "fiche action", "fiches actions")).toBe("1\u00a0fiche action");
    expect(formatCount(31, "action", "actions")).toBe("31\u00a0actions");
    expect(formatCount(0, "ligne", "lignes")).toBe("0\u00a0ligne");
    expect(formatCount(1000000, "ligne", "lignes")).toBe("1\u202f000\u202f000\u00a0lignes");
    expect(formatOrdinal(1)).toBe("1er");
    expect(formatOrdinal(2)).toBe("2e");
  });

  it("writes exact decimals without rounding them through a JavaScript number", () => {
    expect(formatDecimal("12345678901234.5678")).toBe("12\u202f345\u202f678\u202f901\u202f234,5678");
    expect(formatDecimal("-0.5")).toBe("-0,5");
    expect(formatDecimal("12500.5", { fractionDigits: 2 })).toBe("12\u202f500,50");
    expect(formatDecimal({ toString: () => "999" })).toBe("999");
    expect(formatEurosExact("999999999999.99")).toBe("999\u202f999\u202f999\u202f999,99\u00a0€");
  });

  it("picks singular or plural by the French rules, not by count > 1", () => {
    const forms = { one: "la ligne valide", other: "les lignes valides" };
    expect(selectPlural(0, forms)).toBe("la ligne valide");
    expect(selectPlural(1, forms)).toBe("la ligne valide");
    expect(selectPlural(1.5, forms)).toBe("la ligne valide");
    expect(selectPlural(2, forms)).toBe("les lignes valides");
    expect(selectPlural(1000000, { ...forms, many: "un million de lignes" })).toBe("un million de lignes");
    expect(selectPlural(1000000, forms)).toBe("les lignes valides");
  });

  it("writes file sizes in octets, ko and Mo", () => {
    expect(formatFileSize(1)).toBe("1\u00a0octet");
    expect(formatFileSize(850)).toBe("850\u00a0octets");
    expect(formatFileSize(12 * 1024 + 100)).toBe("12\u00a0ko");
    expect(formatFileSize(1.25 * 1024 * 1024)).toBe("1,3\u00a0Mo");
    expect(formatFileSize(20 * 1024 * 1024)).toBe("20\u00a0Mo");
  });
});
