// The compliance checks' rules (lib/compliance/checks.ts) are SQL conditions over a contract's
// facts: each is tried here in PostgreSQL on crafted facts, at its edges (the day a contract ends,
// exactly six months ahead, the month's last day, mid-course and the day before).
import { describe, expect, it } from "vitest";
import { flaggedChecksSql, midCourse, type ComplianceFacts } from "@/lib/compliance/checks";
import { getDb } from "@/lib/db/client";
import { setupAppDatabase } from "../support/database";

setupAppDatabase();

const day = (text: string) => new Date(`${text}T00:00:00Z`);
const TODAY = day("2026-12-06");

type Facts = Omit<ComplianceFacts, "contractId" | "territorySlug" | "fichesWithoutIndicator" | "fichesWithoutPilot"> & {
  noIndicatorCount: number;
  noPilotCount: number;
};

/** A contract that passes every check; each test breaks one thing. */
const compliant = (changes: Partial<Facts> = {}): Facts => ({
  status: "in_progress",
  startsOn: day("2026-01-01"),
  endsOn: day("2030-12-31"),
  mentalHealthComponent: "Axe 3, fiches 7 à 9",
  clsmStatus: "unknown",
  hasRenewal: false,
  hasMidTermCampaign: false,
  noIndicatorCount: 0,
  noPilotCount: 0,
  signatoriesWithoutDeliberation: [],
  uncoveredFindingCount: 0,
  ...changes,
});

/** The checks that flag these facts on `today`, as PostgreSQL evaluates their rules. */
async function ids(facts: Facts, today = TODAY): Promise<string[]> {
  const date = (value: Date | null) => value?.toISOString().slice(0, 10) ?? null;
  const [row] = await getDb().$queryRaw<[{ flags: string[] }]>`
    SELECT ${flaggedChecksSql(today)} AS flags
    FROM (SELECT ${facts.status}::text AS status, ${date(facts.startsOn)}::date AS "startsOn", ${date(facts.endsOn)}::date AS "endsOn",
      ${facts.mentalHealthComponent}::text AS "mentalHealthComponent", ${facts.clsmStatus}::text AS "clsmStatus",
      ${facts.hasRenewal}::boolean AS "hasRenewal", ${facts.hasMidTermCampaign}::boolean AS "hasMidTermCampaign",
      ${facts.noIndicatorCount}::int AS "noIndicatorCount", ${facts.noPilotCount}::int AS "noPilotCount",
      ${facts.signatoriesWithoutDeliberation}::text[] AS "signatoriesWithoutDeliberation",
      ${facts.uncoveredFindingCount}::int AS "uncoveredFindingCount") facts`;
  return row.flags;
}

describe("compliance rules, in SQL", () => {
  it("flag nothing on a compliant contract", async () => {
    expect(await ids(compliant())).toEqual([]);
  });

  describe("mental health", () => {
    it("flags a contract with neither a mental-health component nor a CLSM, blank text counting as none", async () => {
      expect(await ids(compliant({ mentalHealthComponent: "  " }))).toEqual(["mental_health"]);
      expect(await ids(compliant({ mentalHealthComponent: null }))).toEqual(["mental_health"]);
    });
    it("accepts a CLSM in place or being created instead of a text", async () => {
      expect(await ids(compliant({ mentalHealthComponent: null, clsmStatus: "active" }))).toEqual([]);
      expect(await ids(compliant({ mentalHealthComponent: null, clsmStatus: "in_creation" }))).toEqual([]);
      expect(await ids(compliant({ mentalHealthComponent: null, clsmStatus: "none" }))).toEqual(["mental_health"]);
    });
    it("leaves closed and renewed contracts alone", async () => {
      expect(await ids(compliant({ mentalHealthComponent: null, status: "closed" }))).toEqual([]);
      expect(await ids(compliant({ mentalHealthComponent: null, status: "renewed" }))).toEqual([]);
    });
  });

  describe("end of the contract", () => {
    const base = { startsOn: day("2020-01-01"), hasMidTermCampaign: true };
    it("flags an end date passed without a renewal, not one renewed", async () => {
      const ended = compliant({ ...base, endsOn: day("2026-12-05") });
      expect(await ids(ended)).toEqual(["expired_without_renewal"]);
      expect(await ids({ ...ended, hasRenewal: true })).toEqual([]);
      expect(await ids({ ...ended, status: "closed" })).toEqual([]);
    });
    it("counts a contract ending today as running, within the notice", async () => {
      expect(await ids(compliant({ ...base, endsOn: TODAY }))).toEqual(["renewal_not_prepared"]);
    });
    it("flags an end within exactly 6 months, not a day later", async () => {
      expect(await ids(compliant({ ...base, endsOn: day("2027-06-06") }))).toEqual(["renewal_not_prepared"]);
      expect(await ids(compliant({ ...base, endsOn: day("2027-06-07") }))).toEqual([]);
      expect(await ids(compliant({ ...base, endsOn: day("2027-06-06"), hasRenewal: true }))).toEqual([]);
    });
    it("clamps the 6 months to the month's last day", async () => {
      // 31 August + 6 months = 28 February.
      expect(await ids(compliant({ ...base, endsOn: day("2027-02-28") }), day("2026-08-31"))).toEqual(["renewal_not_prepared"]);
      expect(await ids(compliant({ ...base, endsOn: day("2027-03-01") }), day("2026-08-31"))).toEqual([]);
    });
    it("flags nothing about the end of a contract without an end date", async () => {
      expect(await ids(compliant({ ...base, endsOn: null }))).toEqual([]);
    });
  });

  describe("mid-term evaluation", () => {
    const period = { startsOn: day("2025-01-01"), endsOn: day("2029-12-31") };
    it("is due exactly at mid-course, as the reason dates it, not the day before", async () => {
      const middle = midCourse(period.startsOn, period.endsOn);
      expect(middle.toISOString().slice(0, 10)).toBe("2027-07-02");
      expect(await ids(compliant(period), middle)).toEqual(["mid_term_evaluation"]);
      expect(await ids(compliant(period), new Date(middle.getTime() - 86_400_000))).toEqual([]);
    });
    it("agrees with the reason's mid-course on periods of odd and even lengths", async () => {
      for (const endsOn of ["2027-01-02", "2027-01-03", "2031-02-28"]) {
        const facts = compliant({ startsOn: day("2026-01-01"), endsOn: day(endsOn) });
        const middle = midCourse(facts.startsOn!, facts.endsOn!);
        expect(await ids(facts, middle)).toContain("mid_term_evaluation");
        expect(await ids(facts, new Date(middle.getTime() - 86_400_000))).not.toContain("mid_term_evaluation");
      }
    });
    it("is satisfied by a mid-term campaign, and not asked of a contract in preparation or undated", async () => {
      const late = day("2028-01-01");
      expect(await ids(compliant({ ...period, hasMidTermCampaign: true }), late)).toEqual([]);
      expect(await ids(compliant({ ...period, status: "preparation" }), late)).toEqual([]);
      expect(await ids(compliant({ ...period, startsOn: null }), late)).toEqual([]);
    });
  });

  it("flags fiches without an indicator or a pilot by their counts", async () => {
    expect(await ids(compliant({ noIndicatorCount: 7 }))).toEqual(["fiches_without_indicator"]);
    expect(await ids(compliant({ noPilotCount: 1 }))).toEqual(["fiches_without_pilot"]);
  });

  it("asks for deliberations once the contract is past preparation", async () => {
    const facts = compliant({ signatoriesWithoutDeliberation: ["Commune de Valence"] });
    expect(await ids(facts)).toEqual(["signatory_deliberation"]);
    expect(await ids({ ...facts, status: "preparation" })).toEqual([]);
  });

  it("flags findings no fiche answers, while the contract is unsettled, a draft included", async () => {
    expect(await ids(compliant({ uncoveredFindingCount: 1 }))).toEqual(["uncovered_findings"]);
    expect(await ids(compliant({ uncoveredFindingCount: 3, status: "preparation" }))).toEqual(["uncovered_findings"]);
    expect(await ids(compliant({ uncoveredFindingCount: 3, status: "closed" }))).toEqual([]);
    expect(await ids(compliant({ uncoveredFindingCount: 3, status: "renewed" }))).toEqual([]);
  });

  it("gives every flag at once, in the checks' order", async () => {
    const everything = compliant({
      mentalHealthComponent: null,
      startsOn: day("2020-01-01"),
      endsOn: day("2027-01-01"),
      noIndicatorCount: 1,
      noPilotCount: 2,
      signatoriesWithoutDeliberation: ["Commune"],
      uncoveredFindingCount: 2,
    });
    expect(await ids(everything)).toEqual([
      "mental_health",
      "renewal_not_prepared",
      "mid_term_evaluation",
      "fiches_without_indicator",
      "fiches_without_pilot",
      "signatory_deliberation",
      "uncovered_findings",
    ]);
  });
});
