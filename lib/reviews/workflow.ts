// The review workflow as data: the states of a stage where the agency signs off, the transitions
// between them, who may take each (operation and side), and the guards the server checks. The
// same for threads. Mutations ask `stageTransition` / `threadTransition` before writing; the page
// asks them which controls to show.
//
// The agency's process, as written down here:
// - a coordinator submits a subject (the draft, an evaluation report) for the agency's opinion,
//   and resubmits it after changes were requested;
// - an ARS officer requests changes (always with a reason, which opens a thread the coordinators
//   answer) or gives a favourable opinion, which is final;
// - the draft is reviewed only while the contract is in preparation (not yet signed); an
//   evaluation report only once its campaign is closed; an amendment while it is a draft (its
//   signature, recorded by the territory, needs the favourable opinion: lib/amendments);
// - no favourable opinion while a thread on the subject is still open: every remark is settled
//   first (resolved by either side, reopened by the agency only).
import type { Operation } from "@/lib/authz";
import type { ReviewStageState, ReviewSubjectKind, ReviewThreadStatus } from "@/lib/db/generated/enums";

export type Side = "coordinator" | "officer";

/** Facts a guard reads about the subject, loaded by the mutation (or the page) in its query. */
export type StageFacts = {
  subjectKind: ReviewSubjectKind;
  /** The contract's status (the draft is reviewed while it is "preparation"). */
  contractStatus: string;
  /** The campaign's status, for an evaluation report. */
  campaignStatus?: string | null;
  /** The amendment's status, for an amendment (reviewed while a draft). */
  amendmentStatus?: string | null;
  /** Threads still open on the subject: the contract and its parts for the draft, the campaign for its report. */
  openThreads: number;
  /** What the actor wrote with the step (the reason of a change request). */
  reason?: string | null;
};

type Guard = (facts: StageFacts) => { message: string; field?: string } | null;

/** Why a subject cannot be reviewed at all as it stands; null when it can. */
export const SUBJECT_GUARDS: Record<ReviewSubjectKind, Guard> = {
  draft: ({ contractStatus }) =>
    contractStatus === "preparation" ? null : { message: "Le contrat est signé\u00a0: son projet ne passe plus en revue." },
  evaluation_report: ({ campaignStatus }) =>
    campaignStatus === "closed" ? null : { message: "Le rapport d’évaluation passe en revue une fois sa campagne close." },
  amendment: ({ amendmentStatus }) =>
    amendmentStatus === "draft" ? null : { message: "L’avenant est signé : il ne passe plus en revue." },
};

export const STAGE_TRANSITIONS = {
  submit: {
    from: ["not_submitted", "changes_requested"],
    to: "submitted",
    side: "coordinator",
    operation: "review.answer",
    guards: [],
  },
  requestChanges: {
    from: ["submitted"],
    to: "changes_requested",
    side: "officer",
    operation: "review.comment",
    guards: [({ reason }) => (reason?.trim() ? null : { message: "Dites ce qui doit changer.", field: "reason" })],
  },
  approve: {
    from: ["submitted"],
    to: "favourable",
    side: "officer",
    operation: "review.comment",
    guards: [
      ({ openThreads }) =>
        openThreads === 0
          ? null
          : {
              message: `${openThreads === 1 ? "Une discussion est encore ouverte" : `${openThreads} discussions sont encore ouvertes`}\u00a0: résolvez-les avant de rendre un avis favorable.`,
            },
    ],
  },
} as const satisfies Record<
  string,
  { from: readonly ReviewStageState[]; to: ReviewStageState; side: Side; operation: Operation; guards: readonly Guard[] }
>;

export type StageTransition = keyof typeof STAGE_TRANSITIONS;

export type Decision<State> = { ok: true; to: State } | { ok: false; message: string; field?: string };

/** Whether `transition` may be taken from `state` with these facts, and where it leads. */
export function stageTransition(transition: StageTransition, state: ReviewStageState, facts: StageFacts): Decision<ReviewStageState> {
  const rule = STAGE_TRANSITIONS[transition];
  const subject = SUBJECT_GUARDS[facts.subjectKind](facts);
  if (subject) return { ok: false, ...subject };
  if (!(rule.from as readonly ReviewStageState[]).includes(state)) return { ok: false, message: STAGE_REFUSALS[state] };
  for (const guard of rule.guards as readonly Guard[]) {
    const refusal = guard(facts);
    if (refusal) return { ok: false, ...refusal };
  }
  return { ok: true, to: rule.to };
}

/** Why nothing (or not that) can be done from a state: what the page or the refused action says. */
const STAGE_REFUSALS: Record<ReviewStageState, string> = {
  not_submitted: "Ce document n’a pas encore été soumis à l’ARS.",
  submitted: "Ce document est déjà soumis à l’ARS, qui n’a pas encore rendu son avis.",
  changes_requested: "L’ARS a demandé des modifications\u00a0: le document doit d’abord être soumis à nouveau.",
  favourable: "L’ARS a déjà rendu un avis favorable sur ce document.",
};

/** The transitions a side may take from a state, guards aside (what a page offers). */
export function stageTransitionsFor(side: Side, state: ReviewStageState): StageTransition[] {
  return (Object.keys(STAGE_TRANSITIONS) as StageTransition[]).filter((name) => {
    const rule = STAGE_TRANSITIONS[name];
    return rule.side === side && (rule.from as readonly ReviewStageState[]).includes(state);
  });
}

/** Threads: resolved by either side once settled, reopened by the agency only; comments only while open. */
export const THREAD_TRANSITIONS = {
  resolve: { from: "open", to: "resolved", sides: ["officer", "coordinator"] },
  reopen: { from: "resolved", to: "open", sides: ["officer"] },
} as const satisfies Record<string, { from: ReviewThreadStatus; to: ReviewThreadStatus; sides: readonly Side[] }>;

export type ThreadTransition = keyof typeof THREAD_TRANSITIONS;

export function threadTransition(transition: ThreadTransition, side: Side, status: ReviewThreadStatus): Decision<ReviewThreadStatus> {
  const rule = THREAD_TRANSITIONS[transition];
  if (!(rule.sides as readonly Side[]).includes(side)) return { ok: false, message: "Seule l’ARS peut rouvrir une discussion." };
  if (rule.from !== status)
    return { ok: false, message: status === "open" ? "Cette discussion est déjà ouverte." : "Cette discussion est déjà résolue." };
  return { ok: true, to: rule.to };
}

/** A comment or an answer goes only into an open thread. */
export function commentRefusal(status: ReviewThreadStatus): string | null {
  return status === "open" ? null : "Cette discussion est résolue\u00a0: rouvrez-la pour y répondre.";
}
