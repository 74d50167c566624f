import { describe, expect, it } from "vitest";
import { addMonths, dueItemsOf, nextMeasurementDue, todayInParis } from "./schedule";

const day = (text: string) => new Date(`${text}T00:00:00Z`);

describe("due dates", () => {
  it("add months as calendar days, the 31st becoming the month's last day", () => {
    expect(addMonths(day("2026-01-31"), 1)).toEqual(day("2026-02-28"));
    expect(addMonths(day("2028-01-31"), 1)).toEqual(day("2028-02-29"));
    expect(addMonths(day("2026-11-15"), 3)).toEqual(day("2027-02-15"));
  });

  it("take today in Paris, not in UTC", () => {
    expect(todayInParis(new Date("2026-12-31T23:30:00Z"))).toEqual(day("2027-01-01"));
    expect(todayInParis(new Date("2026-07-01T21:59:00Z"))).toEqual(day("2026-07-01"));
  });

  it("schedule an indicator's next measurement one period after the latest, or after the start", () => {
    const base = { latestMeasuredOn: null, startsOn: day("2026-01-15"), targetOn: day("2028-12-31") };
    expect(nextMeasurementDue({ ...base, frequency: "quarterly" })).toEqual(day("2026-04-15"));
    expect(nextMeasurementDue({ ...base, frequency: "yearly", latestMeasuredOn: day("2026-06-30") })).toEqual(day("2027-06-30"));
    expect(nextMeasurementDue({ ...base, frequency: "monthly", startsOn: null })).toBeNull();
    expect(nextMeasurementDue({ ...base, frequency: "once" })).toEqual(day("2028-12-31"));
    expect(nextMeasurementDue({ ...base, frequency: "once", latestMeasuredOn: day("2027-01-01") })).toBeNull();
    // Measured at mid-term and at the end: the evaluation campaigns ask for those.
    expect(nextMeasurementDue({ ...base, frequency: "mid_term_and_final" })).toBeNull();
  });

  it("list what falls due within the horizon or is overdue, soonest first, leaving done milestones and assessed campaigns out", () => {
    const items = dueItemsOf(
      {
        startsOn: day("2026-01-01"),
        indicators: [
          {
            id: "i1",
            name: "Ateliers tenus",
            frequency: "quarterly",
            baselineOn: null,
            targetOn: null,
            latestMeasuredOn: day("2026-08-20"),
          },
          {
            id: "i2",
            name: "Personnes reçues",
            frequency: "yearly",
            baselineOn: null,
            targetOn: null,
            latestMeasuredOn: day("2026-06-01"),
          },
        ],
        milestones: [
          { id: "m1", title: "Convention signée", dueOn: day("2026-12-01"), doneOn: null },
          { id: "m2", title: "Local trouvé", dueOn: day("2026-11-01"), doneOn: day("2026-10-30") },
          { id: "m3", title: "Sans date", dueOn: null, doneOn: null },
        ],
        openCampaigns: [
          { id: "c1", kind: "mid_term", opensOn: day("2026-11-15"), assessed: false },
          { id: "c2", kind: "final", opensOn: day("2026-11-15"), assessed: true },
        ],
      },
      day("2026-12-06"),
    );
    expect(items).toEqual([
      { kind: "assessment", subjectId: "c1", label: "Évaluation à mi-parcours", dueOn: day("2026-11-15"), overdue: false },
      { kind: "measurement", subjectId: "i1", label: "Ateliers tenus", dueOn: day("2026-11-20"), overdue: true },
      { kind: "milestone", subjectId: "m1", label: "Convention signée", dueOn: day("2026-12-01"), overdue: true },
    ]);
  });
});
