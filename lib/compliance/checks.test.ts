import { describe, expect, it } from "vitest";
import { COMPLIANCE_CHECK_IDS, COMPLIANCE_CHECKS, complianceFlags, midCourse, type ComplianceFacts } from "./checks";

const day = (text: string) => new Date(`${text}T00:00:00Z`);

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
  uncoveredFindingCount: 0,
  ...changes,
});

/** The check's flag for these facts, its reason's non-breaking spaces as plain ones (the rule itself is SQL: tests/integration/compliance-rules.test.ts). */
const flag = (facts: ComplianceFacts, id: string) => {
  const found = complianceFlags(facts, [id]).find((f) => f.id === id);
  return found && { ...found, reason: found.reason.replace(/[\u00a0\u202f]/g, " ") };
};

describe("compliance checks", () => {
  it("are declared once each, in the ids' order, with a French label", () => {
    expect(COMPLIANCE_CHECKS.map((check) => check.id)).toEqual([...COMPLIANCE_CHECK_IDS]);
    for (const check of COMPLIANCE_CHECKS) expect(check.label).toMatch(/^[A-ZÉ]/);
  });

  it("give the flags their rules found, in the checks' order, and no other", () => {
    const flagged = complianceFlags(compliant(), ["signatory_deliberation", "mental_health", "not_a_check"]);
    expect(flagged.map((found) => found.id)).toEqual(["mental_health", "signatory_deliberation"]);
    expect(complianceFlags(compliant(), [])).toEqual([]);
  });

  it("say why a contract lacks a mental-health component, and link to the form's section", () => {
    const found = flag(compliant({ mentalHealthComponent: "  " }), "mental_health");
    expect(found?.reason).toContain("loi 3DS");
    expect(found?.fix.href).toBe("/espace/valence/contrats/c1/modifier#sante-mentale");
  });

  it("date an ended contract and one ending soon, and link to the preparation of the next contract", () => {
    const ended = compliant({ startsOn: day("2020-01-01"), endsOn: day("2026-12-05") });
    expect(flag(ended, "expired_without_renewal")?.reason).toContain("5 décembre 2026");
    expect(flag(ended, "expired_without_renewal")?.fix.href).toBe("/espace/valence/contrats/c1/renouveler");
    expect(flag(compliant({ endsOn: day("2027-06-06") }), "renewal_not_prepared")?.reason).toContain("6 juin 2027, dans moins de 6 mois");
  });

  it("count the findings no fiche answers, and link to the needs and actions page", () => {
    const found = flag(compliant({ uncoveredFindingCount: 2 }), "uncovered_findings");
    expect(found?.reason).toBe("2 constats du diagnostic sans fiche action qui y réponde.");
    expect(found?.fix.href).toBe("/espace/valence/contrats/c1/besoins");
  });

  it("date the mid-course, the middle day of the period", () => {
    const period = { startsOn: day("2025-01-01"), endsOn: day("2029-12-31") };
    expect(midCourse(period.startsOn, period.endsOn).toISOString().slice(0, 10)).toBe("2027-07-02");
    expect(flag(compliant(period), "mid_term_evaluation")?.reason).toContain("2 juillet 2027");
    expect(flag(compliant(period), "mid_term_evaluation")?.fix.href).toBe("/espace/valence/contrats/c1#evaluation");
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
    });
  });
});
