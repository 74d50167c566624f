import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ficheFieldsSchema } from "@/lib/fiches/schema";
import { addMeasurementSchema, createIndicatorSchema } from "@/lib/indicators/schema";
import { DATE_RANGE, optionalDate, optionalText, parseDayText, requiredText, textChoices, textLines, versionField } from "./fields";

const message = (schema: z.ZodType, value: unknown) => {
  const result = schema.safeParse(value);
  return result.success ? null : result.error.issues[0].message;
};

describe("dates", () => {
  it("keeps a true calendar date as UTC midnight", () => {
    expect(optionalDate.parse("2024-02-29")).toEqual(new Date("2024-02-29T00:00:00Z"));
    expect(optionalDate.parse("")).toBeNull();
    expect(optionalDate.parse(undefined)).toBeNull();
  });

  it("refuses a day that does not exist instead of rolling it over to the next month", () => {
    expect(message(optionalDate, "2026-02-31")).toBe("Date invalide\u00a0: le 31/02/2026 n’existe pas.");
    expect(message(optionalDate, "2025-02-29")).toBe("Date invalide\u00a0: le 29/02/2025 n’existe pas.");
    expect(message(optionalDate, "2026-13-01")).toBe("Date invalide\u00a0: le 01/13/2026 n’existe pas.");
    expect(message(optionalDate, "2026-04-00")).toBe("Date invalide\u00a0: le 00/04/2026 n’existe pas.");
  });

  it("refuses years outside 1900–2200, the year 0000 and five-digit years included", () => {
    const outOfRange = "Date invalide\u00a0: choisissez une date entre le 01/01/1900 et le 31/12/2200.";
    expect(message(optionalDate, "0000-01-01")).toBe(outOfRange);
    expect(message(optionalDate, "1899-12-31")).toBe(outOfRange);
    expect(message(optionalDate, "2201-01-01")).toBe(outOfRange);
    expect(message(optionalDate, "10000-01-01")).toBe(outOfRange);
    expect(optionalDate.parse(DATE_RANGE.min)).toEqual(new Date("1900-01-01T00:00:00Z"));
    expect(optionalDate.parse(DATE_RANGE.max)).toEqual(new Date("2200-12-31T00:00:00Z"));
  });

  it("refuses what is not a date at all", () => {
    for (const text of ["2026-2-3", "03/02/2026", "2026-02-03T10:00", "demain", "2026-02-03\u0000"])
      expect(message(optionalDate, text)).toMatch(/^Date invalide/);
  });

  it("reads the spreadsheet forms of a date with the same rule", () => {
    expect(parseDayText("15/01/2025")).toEqual({ date: new Date("2025-01-15T00:00:00Z") });
    expect(parseDayText("5/1/25")).toEqual({ date: new Date("2025-01-05T00:00:00Z") });
    expect(parseDayText("2025-01-15")).toEqual({ date: new Date("2025-01-15T00:00:00Z") });
    expect(parseDayText("31/02/2026")).toEqual({ error: "Date invalide\u00a0: le 31/02/2026 n’existe pas." });
    expect(parseDayText("01/01/0000")).toEqual({ error: expect.stringContaining("entre le 01/01/1900 et le 31/12/2200") });
    expect(parseDayText("+010000-01-01")).toEqual({ error: expect.stringMatching(/^Date invalide/) });
  });
});

describe("text", () => {
  const title = requiredText("Saisissez l’intitulé.", 300);
  const notes = optionalText(5000, { multiline: true });

  it("refuses a NUL byte anywhere, even in multi-line text", () => {
    expect(message(title, "Fiche\u0000")).toBe(
      "Ce texte contient un caractère invisible non autorisé (U+0000, position 6)\u00a0: supprimez-le.",
    );
    expect(message(notes, "Ligne 1\n\u0000")).toMatch(/U\+0000/);
    expect(message(optionalText(), "a\u0000b")).toMatch(/U\+0000/);
  });

  it("refuses other C0 and C1 controls, and DEL", () => {
    for (const control of ["\u0001", "\u0008", "\u000b", "\u001b", "\u007f", "\u0085", "\u009f"]) {
      expect(message(title, `avant${control}après`), JSON.stringify(control)).toMatch(
        /^Ce texte contient un caractère invisible non autorisé/,
      );
      expect(message(notes, `avant${control}après`), JSON.stringify(control)).toMatch(
        /^Ce texte contient un caractère invisible non autorisé/,
      );
    }
    expect(message(title, "x\u0085")).toBe(
      "Ce texte contient un caractère invisible non autorisé (U+0085, position 2)\u00a0: supprimez-le.",
    );
  });

  it("refuses lone surrogates but keeps characters outside the BMP", () => {
    expect(message(title, "a\ud800b")).toBe("Ce texte contient un caractère mal encodé (U+D800, position 2)\u00a0: retapez-le.");
    expect(message(title, "\udc00")).toMatch(/U\+DC00/);
    expect(title.parse("Santé 🩺 mentale")).toBe("Santé 🩺 mentale");
  });

  it("keeps tabs and line breaks in multi-line text only", () => {
    expect(notes.parse("Un\r\nDeux\n\tTrois")).toBe("Un\r\nDeux\n\tTrois");
    expect(message(title, "Un\nDeux")).toBe("Ce champ tient sur une ligne\u00a0: retirez le retour à la ligne.");
    // A tab pasted into a one-line field is only white space.
    expect(title.parse("Un\tDeux")).toBe("Un Deux");
  });

  it("applies the same rule to lists typed one per line and to groups of checkboxes", () => {
    const lines = textLines({ maxItems: 3, maxLength: 12 });
    expect(lines.parse(" Lien social\r\nMobilité\n\nLien social ")).toEqual(["Lien social", "Mobilité"]);
    expect(message(lines, "un\ndeux\ntrois\nquatre")).toBe("3\u00a0lignes au plus.");
    expect(message(lines, "court\nbeaucoup trop long")).toBe("Ligne 2\u00a0: 12 caractères au plus.");
    expect(message(lines, "un\u0000")).toMatch(/U\+0000/);
    const choices = textChoices({ maxItems: 2, maxLength: 20 });
    expect(choices.parse("santé mentale")).toEqual(["santé mentale"]);
    expect(choices.parse(undefined)).toEqual([]);
    expect(message(choices, ["a", "b", "c"])).toBe("2 choix au plus.");
    expect(message(choices, ["a\u0085"])).toMatch(/U\+0085/);
  });

  it("still trims, requires and bounds", () => {
    expect(message(title, "   ")).toBe("Saisissez l’intitulé.");
    expect(message(title, "x".repeat(301))).toBe("300 caractères au plus.");
    expect(notes.parse("  ")).toBeNull();
    expect(message(requiredText("Saisissez le nom.", 200, { min: 2 }), "A")).toBe("Saisissez le nom.");
  });
});

describe("amounts and decimals", () => {
  // A budget line of a fiche: BudgetLine.amount is @db.Decimal(14, 2).
  const line = (amount: string) => ({
    axisId: "00000000-0000-4000-8000-000000000000",
    title: "Fiche",
    geographicScope: "whole_territory",
    status: "not_started",
    budgetLines: [{ funderLabel: "Commune", amount }],
  });
  const amountOf = (amount: string) => {
    const result = ficheFieldsSchema.safeParse(line(amount));
    return result.success
      ? result.data.budgetLines[0].amount
      : { error: result.error.issues.find((issue) => issue.path.join(".") === "budgetLines.0.amount")?.message };
  };

  it("reads French and international writings exactly, without going through a JS number", () => {
    expect(amountOf("1 234,56")).toBe("1234.56");
    expect(amountOf("1\u202f234,56\u00a0€")).toBe("1234.56");
    expect(amountOf("1234.56")).toBe("1234.56");
    expect(amountOf("0012500,50")).toBe("12500.5");
    expect(amountOf("999 999 999 999,99")).toBe("999999999999.99");
    // 0.1 + 0.2 is 0.30000000000000004 in floating point; a decimal stays what was typed.
    expect(amountOf("0,3")).toBe("0.3");
    expect(amountOf("12345678901,23")).toBe("12345678901.23");
    expect(amountOf("9007199254,99")).toBe("9007199254.99");
  });

  it("says an amount is too large when it does not fit the column, a 20-digit one included", () => {
    expect(amountOf("12345678901234567890")).toEqual({
      error: "Montant trop élevé\u00a0: 999\u00a0999\u00a0999\u00a0999,99\u00a0€ au plus.",
    });
    expect(amountOf("1 000 000 000 000")).toEqual({ error: "Montant trop élevé\u00a0: 999\u00a0999\u00a0999\u00a0999,99\u00a0€ au plus." });
  });

  it("refuses more decimals than the column keeps, negative amounts, and what is not a number", () => {
    expect(amountOf("12,345")).toEqual({ error: "2\u00a0décimales au plus." });
    expect(amountOf("-5")).toEqual({ error: "Un montant ne peut pas être négatif." });
    for (const text of ["1.234,56", "1e5", "douze", "12,5,3", "0x10", "", "Infinity", "NaN"])
      expect(amountOf(text), text).toEqual({ error: expect.stringMatching(/^Saisissez (un|le) montant/) });
  });

  it("keeps indicator values exactly, negative ones included, within Decimal(18, 4)", () => {
    const indicator = {
      ficheId: "00000000-0000-4000-8000-000000000000",
      name: "Taux",
      level: "result",
      direction: "increase",
      frequency: "yearly",
    };
    expect(createIndicatorSchema.parse({ ...indicator, baselineValue: "12345678901234,5678", targetValue: "-0,0001" })).toMatchObject({
      baselineValue: "12345678901234.5678",
      targetValue: "-0.0001",
    });
    expect(createIndicatorSchema.parse({ ...indicator, baselineValue: "" })).toMatchObject({ baselineValue: null });
    expect(message(createIndicatorSchema, { ...indicator, targetValue: "123456789012345" })).toBe(
      "Nombre trop grand\u00a0: 99\u00a0999\u00a0999\u00a0999\u00a0999,9999 au plus (en valeur absolue).",
    );
    expect(message(createIndicatorSchema, { ...indicator, targetValue: "1,23456" })).toBe("4\u00a0décimales au plus.");
    const measurement = { indicatorId: indicator.ficheId, measuredOn: "2025-06-30" };
    expect(addMeasurementSchema.parse({ ...measurement, value: "42,5" })).toMatchObject({ value: "42.5" });
    expect(message(addMeasurementSchema, { ...measurement, value: "" })).toBe("Saisissez la valeur mesurée.");
  });
});

describe("whole numbers", () => {
  it("bounds the version to what an INTEGER column holds", () => {
    expect(versionField.parse("3")).toBe(3);
    expect(message(versionField, "3000000000")).toBe("Version manquante\u00a0: rechargez la page.");
  });
});
