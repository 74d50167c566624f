import { describe, expect, it } from "vitest";
import { COMPLIANCE_CHECK_IDS, COMPLIANCE_CHECKS, complianceFlags, midCourse, type ComplianceFacts } from "./checks";

const day = (text: string) => new Date(`${text}T00:00:00Z`);
const TODAY = day("2026-12-06");

/** A contract that passes every check; each test breaks one thing. */
const compliant = (changes: Partial<ComplianceFacts> = {}): ComplianceFacts => ({
  contractId: "c1",
  territorySlug: "valence",
  status: "in_progress",
  startsOn: day("2026-01-01"),
  endsOn: day("2030-12-31"),
  mentalHealthComponent: "Axe 3, fiches 7 à 9",
  clsmStatus: "unknown",
  hasRenewal: false,
  hasMidTermCampaign: false,
  fichesWithoutIndicator: { count: 0, numbers: [], firstId: null },
  fichesWithoutPilot: { count: 0, numbers: [], firstId: null },
  signatoriesWithoutDeliberation: [],
  ...changes,
});

const ids = (facts: ComplianceFacts, today = TODAY) => complianceFlags(facts, today).map((flag) => flag.id);
/** The flag with its reason's non-breaking spaces as plain ones, to compare with text. */
const flag = (facts: ComplianceFacts, id: string, today = TODAY) => {
  const found = complianceFlags(facts, today).find((f) => f.id === id);
  return found && { ...found, reason: found.reason.replace(/[\u00a0\u202f]/g, " ") };
};

describe("compliance checks", () => {
  it("are declared once each, in the ids' order, with a French label", () => {
    expect(COMPLIANCE_CHECKS.map((check) => check.id)).toEqual([...COMPLIANCE_CHECK_IDS]);
    for (const check of COMPLIANCE_CHECKS) expect(check.label).toMatch(/^[A-ZÉ]/);
  });

  it("flag nothing on a compliant contract", () => {
    expect(ids(compliant())).toEqual([]);
  });

  describe("mental health", () => {
    it("flags a contract with neither a mental-health component nor a CLSM, and links to the form's section", () => {
      const found = flag(compliant({ mentalHealthComponent: "  " }), "mental_health");
      expect(found?.reason).toContain("loi 3DS");
      expect(found?.fix.href).toBe("/espace/valence/contrats/c1/modifier#sante-mentale");
    });
    it("accepts a CLSM in place or being created instead of a text", () => {
      expect(ids(compliant({ mentalHealthComponent: null, clsmStatus: "active" }))).toEqual([]);
      expect(ids(compliant({ mentalHealthComponent: null, clsmStatus: "in_creation" }))).toEqual([]);
      expect(ids(compliant({ mentalHealthComponent: null, clsmStatus: "none" }))).toEqual(["mental_health"]);
    });
    it("leaves closed and renewed contracts alone", () => {
      expect(ids(compliant({ mentalHealthComponent: null, status: "closed" }))).toEqual([]);
    });
  });

  describe("end of the contract", () => {
    it("flags an end date passed without a renewal, not one renewed", () => {
      const ended = compliant({ startsOn: day("2020-01-01"), endsOn: day("2026-12-05"), hasMidTermCampaign: true });
      expect(ids(ended)).toEqual(["expired_without_renewal"]);
      expect(flag(ended, "expired_without_renewal")?.reason).toContain("5 décembre 2026");
      expect(flag(ended, "expired_without_renewal")?.fix.href).toBe("/espace/valence/contrats/nouveau");
      expect(ids({ ...ended, hasRenewal: true })).toEqual([]);
    });
    it("counts a contract ending today as running, within the notice", () => {
      const endsToday = compliant({ startsOn: day("2020-01-01"), endsOn: TODAY, hasMidTermCampaign: true });
      expect(ids(endsToday)).toEqual(["renewal_not_prepared"]);
    });
    it("flags an end within exactly 6 months, not a day later", () => {
      const base = { startsOn: day("2020-01-01"), hasMidTermCampaign: true };
      expect(ids(compliant({ ...base, endsOn: day("2027-06-06") }))).toEqual(["renewal_not_prepared"]);
      expect(ids(compliant({ ...base, endsOn: day("2027-06-07") }))).toEqual([]);
      expect(ids(compliant({ ...base, endsOn: day("2027-06-06"), hasRenewal: true }))).toEqual([]);
    });
    it("clamps the 6 months to the month's last day", () => {
      const base = { startsOn: day("2020-01-01"), hasMidTermCampaign: true };
      // 31 August + 6 months = 28 February.
      expect(ids(compliant({ ...base, endsOn: day("2027-02-28") }), day("2026-08-31"))).toEqual(["renewal_not_prepared"]);
      expect(ids(compliant({ ...base, endsOn: day("2027-03-01") }), day("2026-08-31"))).toEqual([]);
    });
  });

  describe("mid-term evaluation", () => {
    const period = { startsOn: day("2025-01-01"), endsOn: day("2029-12-31") };
    it("is due exactly at mid-course, not the day before", () => {
      const middle = midCourse(period.startsOn, period.endsOn);
      expect(middle.toISOString().slice(0, 10)).toBe("2027-07-02");
      expect(ids(compliant(period), middle)).toEqual(["mid_term_evaluation"]);
      expect(ids(compliant(period), new Date(middle.getTime() - 86_400_000))).toEqual([]);
    });
    it("is satisfied by a mid-term campaign, and not asked of a contract in preparation", () => {
      const late = day("2028-01-01");
      expect(ids(compliant({ ...period, hasMidTermCampaign: true }), late)).toEqual([]);
      expect(ids(compliant({ ...period, status: "preparation" }), late)).toEqual([]);
      expect(flag(compliant(period), "mid_term_evaluation", late)?.fix.href).toBe("/espace/valence/contrats/c1#evaluation");
    });
  });

  describe("fiches", () => {
    it("says how many fiches lack an indicator, and which", () => {
      const found = flag(
        compliant({ fichesWithoutIndicator: { count: 7, numbers: [1, 2, 3, 5, 8], firstId: "f1" } }),
        "fiches_without_indicator",
      );
      expect(found?.reason).toBe("7 fiches sans indicateur (fiches 1, 2, 3, 5, 8…).");
      expect(found?.fix.href).toBe("/espace/valence/contrats/c1#fiches");
    });
    it("links one fiche without an indicator to its indicators, one without a pilot to its form", () => {
      const one = { count: 1, numbers: [4], firstId: "f4" };
      expect(flag(compliant({ fichesWithoutIndicator: one }), "fiches_without_indicator")).toMatchObject({
        reason: "1 fiche sans indicateur (fiche 4).",
        fix: { href: "/espace/valence/contrats/c1/fiches/f4/indicateurs" },
      });
      expect(flag(compliant({ fichesWithoutPilot: one }), "fiches_without_pilot")).toMatchObject({
        reason: "1 fiche sans pilote (fiche 4).",
        fix: { href: "/espace/valence/contrats/c1/fiches/f4" },
      });
    });
  });

  describe("deliberations", () => {
    it("names the deliberating signatories without a reference, once the contract is past preparation", () => {
      const facts = compliant({ signatoriesWithoutDeliberation: ["Commune de Valence", "Département de la Drôme"] });
      expect(flag(facts, "signatory_deliberation")?.reason).toBe(
        "2 signataires dont l’assemblée délibère sans référence de délibération : Commune de Valence, Département de la Drôme.",
      );
      expect(flag(facts, "signatory_deliberation")?.fix.href).toBe("/espace/valence/contrats/c1/modifier#signataires");
      expect(ids({ ...facts, status: "preparation" })).toEqual([]);
    });
  });
});
