// The role table, written out independently of rules.ts: every operation, for every
// role, on its own tenant and on a foreign one. An operation added to OPERATIONS without a
// line here fails the first test.
import { describe, expect, it } from "vitest";
import { ANONYMOUS, assertCan, can, NotFoundError, type Actor, type Membership, type Resource } from "./index";
import { OPERATIONS, type Operation } from "./rules";

type Case =
  "anonymous" | "platform_admin" | "ars_officer" | "coordinator" | "contributor" | "contributor_pilot" | "partner" | "national_reader";
type Expectation = { own: boolean; foreign: boolean };
const yes = { own: true, foreign: true };
const no = { own: false, foreign: false };
const ownOnly = { own: true, foreign: false };

const CASES: Case[] = [
  "anonymous",
  "platform_admin",
  "ars_officer",
  "coordinator",
  "contributor",
  "contributor_pilot",
  "partner",
  "national_reader",
];
/** One line of the table, in CASES order. */
const row = (...cells: Expectation[]) => Object.fromEntries(CASES.map((kind, index) => [kind, cells[index]])) as Record<Case, Expectation>;

// Columns: anonymous, platform_admin, ars_officer, coordinator, contributor, contributor_pilot, partner, national_reader.
const EXPECTED: Record<Operation, Record<Case, Expectation>> = {
  "health.read": row(yes, yes, yes, yes, yes, yes, yes, yes),
  "auth.use": row(yes, yes, yes, yes, yes, yes, yes, yes),
  "publishedContract.read": row(yes, yes, yes, yes, yes, yes, yes, yes),
  "openData.read": row(yes, yes, yes, yes, yes, yes, yes, yes),
  "invitation.accept": row(yes, yes, yes, yes, yes, yes, yes, yes),
  "accessRequest.create": row(no, yes, yes, yes, yes, yes, yes, yes),
  "workspace.read": row(no, yes, ownOnly, ownOnly, ownOnly, ownOnly, ownOnly, yes),
  "contract.edit": row(no, yes, no, ownOnly, no, no, no, no),
  "fiche.edit": row(no, yes, no, ownOnly, no, ownOnly, no, no),
  "commitment.edit": row(no, yes, no, no, no, no, ownOnly, no),
  "review.comment": row(no, yes, ownOnly, no, no, no, no, no),
  "review.answer": row(no, yes, no, ownOnly, no, no, no, no),
  "portfolio.read": row(no, yes, ownOnly, no, no, no, no, yes),
  "prsObjective.manage": row(no, yes, ownOnly, no, no, no, no, no),
  "member.manage": row(no, yes, no, ownOnly, no, no, no, no),
  "auditLog.read": row(no, yes, no, ownOnly, no, no, no, no),
  "platform.administer": row(no, yes, no, no, no, no, no, no),
  "devMailbox.read": row(no, yes, no, no, no, no, no, no),
  // The own tenant's record belongs to user-1; the contributor who pilots nothing is user-2.
  "account.manage": row(no, ownOnly, ownOnly, ownOnly, no, ownOnly, ownOnly, ownOnly),
  "mail.unsubscribe": row(yes, yes, yes, yes, yes, yes, yes, yes),
};

// Two tenants: each a region, a territory in it, a fiche piloted by "our" contributor, and a
// partner organisation that signed the territory's contract (no longer a draft).
const own = { regionId: "region-own", territoryId: "territory-own", organisationId: "org-own" };
const foreign = { regionId: "region-foreign", territoryId: "territory-foreign", organisationId: "org-foreign" };
const USER = "user-1";

function resourceOf(tenant: typeof own): Resource {
  return {
    regionId: tenant.regionId,
    territoryId: tenant.territoryId,
    pilotUserId: USER,
    partnerOrganisationIds: [tenant.organisationId],
    draft: false,
    organisationId: tenant.organisationId,
    userId: tenant === own ? USER : "user-foreign",
  };
}

function actorFor(kind: Case): Actor {
  if (kind === "anonymous") return ANONYMOUS;
  const scope = { regionId: null, territoryId: null, organisationId: null };
  const membership: Membership = {
    platform_admin: { ...scope, role: "platform_admin" as const },
    ars_officer: { ...scope, role: "ars_officer" as const, regionId: own.regionId },
    coordinator: { ...scope, role: "coordinator" as const, territoryId: own.territoryId },
    contributor: { ...scope, role: "contributor" as const, territoryId: own.territoryId },
    contributor_pilot: { ...scope, role: "contributor" as const, territoryId: own.territoryId },
    partner: { ...scope, role: "partner" as const, territoryId: own.territoryId, organisationId: own.organisationId },
    national_reader: { ...scope, role: "national_reader" as const },
  }[kind];
  // A contributor who does not pilot the fiche is another user than its pilot.
  return { userId: kind === "contributor" ? "user-2" : USER, email: `${kind}@exemple.test`, memberships: [membership] };
}

describe("authorization matrix", () => {
  it("has an expectation for every operation", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...OPERATIONS].sort());
  });

  for (const operation of OPERATIONS) {
    for (const kind of Object.keys(EXPECTED[operation]) as Case[]) {
      const expected = EXPECTED[operation][kind];
      it(`${kind} ${expected.own ? "may" : "may not"} ${operation} on its own tenant, ${expected.foreign ? "may" : "may not"} on a foreign one`, () => {
        expect({
          own: can(actorFor(kind), operation, resourceOf(own)),
          foreign: can(actorFor(kind), operation, resourceOf(foreign)),
        }).toEqual(expected);
      });
    }
  }

  it("reports a denial as not found", () => {
    expect(() => assertCan(ANONYMOUS, "workspace.read", resourceOf(own))).toThrow(NotFoundError);
  });

  it("denies a scoped operation when the resource lacks the scope key", () => {
    expect(can(actorFor("coordinator"), "contract.edit", {})).toBe(false);
  });

  it("lets a partner read no draft contract, not even one their organisation signs, while the territory and region read it", () => {
    const draft = { ...resourceOf(own), draft: true };
    expect(can(actorFor("partner"), "workspace.read", draft)).toBe(false);
    expect(
      (["coordinator", "contributor", "ars_officer", "platform_admin"] as const).map((kind) =>
        can(actorFor(kind), "workspace.read", draft),
      ),
    ).toEqual([true, true, true, true]);
  });

  it("lets a partner read nothing whose draft state is not given", () => {
    const undecided = resourceOf(own);
    delete undecided.draft;
    expect(can(actorFor("partner"), "workspace.read", undecided)).toBe(false);
  });

  it("lets a partner act for their organisation only in the territory that invited them", () => {
    // The same organisation takes part in another territory's contract, which did not invite them.
    const elsewhere = { ...resourceOf(own), territoryId: foreign.territoryId, regionId: foreign.regionId };
    expect(can(actorFor("partner"), "workspace.read", elsewhere)).toBe(false);
    expect(can(actorFor("partner"), "commitment.edit", elsewhere)).toBe(false);
    expect(can(actorFor("partner"), "commitment.edit", resourceOf(own))).toBe(true);
    // Another organisation's commitment in their own territory.
    expect(can(actorFor("partner"), "commitment.edit", { ...resourceOf(own), organisationId: foreign.organisationId })).toBe(false);
  });

  it("lets every signed-in user manage their own account and no one else's, administrators included", () => {
    const mine = { userId: USER };
    const someoneElses = { userId: "user-2" };
    const member: Actor = { userId: USER, email: "sans-role@exemple.test", memberships: [] };
    expect([can(member, "account.manage", mine), can(member, "account.manage", someoneElses)]).toEqual([true, false]);
    expect(can(actorFor("platform_admin"), "account.manage", someoneElses)).toBe(false);
    expect(can(ANONYMOUS, "account.manage", { userId: undefined })).toBe(false);
  });

  it("limits an ARS officer's délégation départementale to the territories of its départements", () => {
    const delegated: Actor = {
      userId: USER,
      email: "delegation@exemple.test",
      memberships: [{ role: "ars_officer", regionId: own.regionId, territoryId: null, organisationId: null, departmentCodes: ["26"] }],
    };
    const inDrome = { ...resourceOf(own), departmentCodes: ["26"] };
    const acrossDromeAndArdeche = { ...resourceOf(own), departmentCodes: ["07", "26"] };
    const inIsere = { ...resourceOf(own), departmentCodes: ["38"] };
    for (const operation of ["workspace.read", "review.comment", "portfolio.read"] as const) {
      expect([can(delegated, operation, inDrome), can(delegated, operation, acrossDromeAndArdeche)]).toEqual([true, true]);
      expect(can(delegated, operation, inIsere)).toBe(false);
      // A territory whose départements are not known is outside every délégation.
      expect(can(delegated, operation, resourceOf(own))).toBe(false);
      // The same département in another region is another region's.
      expect(can(delegated, operation, { ...resourceOf(foreign), departmentCodes: ["26"] })).toBe(false);
    }
    // Without départements, the whole region, whatever the territory's.
    expect(can(actorFor("ars_officer"), "workspace.read", inIsere)).toBe(true);
  });

  it("lets a national reader read every region's workspaces and portfolios, and change nothing", () => {
    const reader = actorFor("national_reader");
    expect([
      can(reader, "workspace.read", resourceOf(foreign)),
      can(reader, "portfolio.read", { ...resourceOf(foreign), draft: true }),
    ]).toEqual([true, true]);
    expect(
      (["contract.edit", "fiche.edit", "review.comment", "member.manage", "platform.administer"] as const).some((operation) =>
        can(reader, operation, resourceOf(own)),
      ),
    ).toBe(false);
  });

  it("combines the grants of several memberships", () => {
    const both: Actor = {
      userId: USER,
      email: "double@exemple.test",
      memberships: [
        { role: "coordinator", regionId: null, territoryId: own.territoryId, organisationId: null },
        { role: "coordinator", regionId: null, territoryId: foreign.territoryId, organisationId: null },
      ],
    };
    expect([can(both, "contract.edit", resourceOf(own)), can(both, "contract.edit", resourceOf(foreign))]).toEqual([true, true]);
  });
});
