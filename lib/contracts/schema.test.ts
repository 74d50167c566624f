import { describe, expect, it } from "vitest";
import { contractFieldsSchema, durationInMonths } from "./schema";

const day = (text: string) => new Date(`${text}T00:00:00Z`);

describe("contract duration", () => {
  it("counts whole months, the last day included", () => {
    expect(durationInMonths(day("2019-10-28"), day("2024-10-27"))).toBe(60);
    expect(durationInMonths(day("2019-01-01"), day("2023-12-31"))).toBe(60);
    expect(durationInMonths(day("2022-03-15"), day("2025-09-14"))).toBe(42);
    expect(durationInMonths(day("2022-03-15"), day("2022-03-20"))).toBeNull();
    expect(durationInMonths(null, day("2022-03-20"))).toBeNull();
  });
});

describe("contract form input", () => {
  const valid = { title: "CLS", generation: "2", status: "in_progress", visibility: "draft" };

  it("turns form strings into typed values", () => {
    const parsed = contractFieldsSchema.parse({ ...valid, startsOn: "2024-01-15", diagnosisYear: "", findings: [{ text: " Isolement " }] });
    expect(parsed).toMatchObject({
      generation: 2,
      startsOn: day("2024-01-15"),
      diagnosisYear: null,
      findings: [{ text: "Isolement" }],
      signatories: [],
    });
  });

  it("names the field of each mistake in French", () => {
    const result = contractFieldsSchema.safeParse({
      ...valid,
      title: " ",
      startsOn: "2024-01-15",
      endsOn: "2023-01-01",
      findings: [{ text: "" }],
    });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join("."), issue.message]));
    expect(messages).toMatchObject({
      title: "Saisissez le titre du contrat.",
      "findings.0.text": "Saisissez le constat, ou retirez la ligne.",
    });
  });
});
