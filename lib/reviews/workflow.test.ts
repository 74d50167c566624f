import { describe, expect, it } from "vitest";
import type { ReviewStageState, ReviewThreadStatus } from "@/lib/db/generated/enums";
import {
  commentRefusal,
  STAGE_TRANSITIONS,
  stageTransition,
  stageTransitionsFor,
  threadTransition,
  type StageFacts,
  type StageTransition,
} from "./workflow";

const STATES: ReviewStageState[] = ["not_submitted", "submitted", "changes_requested", "favourable"];
const draft: StageFacts = { subjectKind: "draft", contractStatus: "preparation", openThreads: 0, reason: "Préciser le budget." };
const report: StageFacts = {
  subjectKind: "evaluation_report",
  contractStatus: "in_progress",
  campaignStatus: "closed",
  openThreads: 0,
  reason: "Compléter la synthèse.",
};

const amendment: StageFacts = {
  subjectKind: "amendment",
  contractStatus: "in_progress",
  amendmentStatus: "draft",
  openThreads: 0,
  reason: "Préciser le budget de la fiche ajoutée.",
};

// Every transition from every state, for every subject: allowed exactly where the table says.
const ALLOWED: Record<StageTransition, Partial<Record<ReviewStageState, ReviewStageState>>> = {
  submit: { not_submitted: "submitted", changes_requested: "submitted" },
  requestChanges: { submitted: "changes_requested" },
  approve: { submitted: "favourable" },
};

describe("review stage workflow", () => {
  for (const facts of [draft, report, amendment])
    for (const transition of Object.keys(ALLOWED) as StageTransition[])
      for (const state of STATES) {
        const to = ALLOWED[transition][state];
        it(`${facts.subjectKind}: ${transition} from ${state} ${to ? `leads to ${to}` : "is refused"}`, () => {
          const decision = stageTransition(transition, state, facts);
          if (to) expect(decision).toEqual({ ok: true, to });
          else expect(decision).toMatchObject({ ok: false, message: expect.stringMatching(/\S/) });
        });
      }

  it("coordinators submit, officers decide", () => {
    expect(STAGE_TRANSITIONS.submit).toMatchObject({ side: "coordinator", operation: "review.answer" });
    expect(STAGE_TRANSITIONS.requestChanges).toMatchObject({ side: "officer", operation: "review.comment" });
    expect(STAGE_TRANSITIONS.approve).toMatchObject({ side: "officer", operation: "review.comment" });
    expect(stageTransitionsFor("officer", "submitted")).toEqual(["requestChanges", "approve"]);
    expect(stageTransitionsFor("coordinator", "changes_requested")).toEqual(["submit"]);
    expect(stageTransitionsFor("officer", "favourable")).toEqual([]);
    expect(stageTransitionsFor("coordinator", "submitted")).toEqual([]);
  });

  it("a signed contract's draft is not reviewed any more, whatever the step", () => {
    for (const transition of Object.keys(ALLOWED) as StageTransition[])
      expect(stageTransition(transition, "submitted", { ...draft, contractStatus: "signed" })).toMatchObject({
        ok: false,
        message: expect.stringContaining("signé"),
      });
  });

  it("an evaluation report is reviewed only once its campaign is closed", () => {
    expect(stageTransition("submit", "not_submitted", { ...report, campaignStatus: "open" })).toMatchObject({
      ok: false,
      message: expect.stringContaining("close"),
    });
  });

  it("a signed amendment is not reviewed any more, whatever the step", () => {
    for (const transition of Object.keys(ALLOWED) as StageTransition[])
      expect(stageTransition(transition, "submitted", { ...amendment, amendmentStatus: "signed" })).toMatchObject({
        ok: false,
        message: expect.stringContaining("signé"),
      });
  });

  it("requesting changes needs a reason, given at the field", () => {
    for (const reason of [null, "", "   "])
      expect(stageTransition("requestChanges", "submitted", { ...draft, reason })).toEqual({
        ok: false,
        message: "Dites ce qui doit changer.",
        field: "reason",
      });
  });

  it("no favourable opinion while threads of the subject are open", () => {
    expect(stageTransition("approve", "submitted", { ...draft, openThreads: 1 })).toMatchObject({
      ok: false,
      message: expect.stringContaining("Une discussion est encore ouverte"),
    });
    expect(stageTransition("approve", "submitted", { ...report, openThreads: 3 })).toMatchObject({
      ok: false,
      message: expect.stringContaining("3 discussions"),
    });
  });
});

describe("review thread workflow", () => {
  const cases: Array<[Parameters<typeof threadTransition>[0], "officer" | "coordinator", ReviewThreadStatus, ReviewThreadStatus | null]> = [
    ["resolve", "officer", "open", "resolved"],
    ["resolve", "coordinator", "open", "resolved"],
    ["resolve", "officer", "resolved", null],
    ["resolve", "coordinator", "resolved", null],
    ["reopen", "officer", "resolved", "open"],
    ["reopen", "officer", "open", null],
    ["reopen", "coordinator", "resolved", null],
    ["reopen", "coordinator", "open", null],
  ];
  for (const [transition, side, status, to] of cases)
    it(`${side}: ${transition} from ${status} ${to ? `leads to ${to}` : "is refused"}`, () => {
      const decision = threadTransition(transition, side, status);
      if (to) expect(decision).toEqual({ ok: true, to });
      else expect(decision).toMatchObject({ ok: false, message: expect.stringMatching(/\S/) });
    });

  it("comments go into open threads only", () => {
    expect(commentRefusal("open")).toBeNull();
    expect(commentRefusal("resolved")).toMatch(/rouvrez/);
  });
});
