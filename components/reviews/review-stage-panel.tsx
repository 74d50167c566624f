// A stage where the agency signs off (the draft, an evaluation report): its state, and what the
// reader's side may do from it, as the workflow's table says (lib/reviews/workflow.ts): the
// territory submits and resubmits; the agency requests changes, with a reason, or gives a
// favourable opinion. A subject that cannot be reviewed as it stands says why.
import { ActionButton } from "@/components/forms/action-button";
import { Badge } from "@/components/ui/badge";
import { Disclosure } from "@/components/ui/disclosure";
import type { ServerAction } from "@/lib/actions/server-action";
import type { ReviewStageState, ReviewSubjectKind } from "@/lib/db/generated/enums";
import { formatDateTime } from "@/lib/format";
import { REVIEW_STAGE_STATE_LABELS, REVIEW_STAGE_STATE_TONES } from "@/lib/reviews/labels";
import type { ReviewStageView } from "@/lib/reviews/queries";
import { SUBJECT_GUARDS, stageTransitionsFor, type Side, type StageFacts } from "@/lib/reviews/workflow";
import { ReviewCommentForm } from "./review-comment-form";

export type StageActions = { submit?: ServerAction<null>; requestChanges?: ServerAction<null>; approve?: ServerAction<null> };

export function ReviewStagePanel({
  subject,
  stage,
  facts,
  side,
  actions,
}: {
  /** What is reviewed, e.g. "le projet de contrat". */
  subject: { kind: ReviewSubjectKind; id: string; label: string };
  stage: { stage: ReviewStageView | null; state: ReviewStageState; version: number };
  facts: Omit<StageFacts, "subjectKind" | "openThreads" | "reason">;
  side: Side | null;
  actions: StageActions;
}) {
  const guard = SUBJECT_GUARDS[subject.kind]({ ...facts, subjectKind: subject.kind, openThreads: 0 });
  const transitions = side && !guard ? stageTransitionsFor(side, stage.state) : [];
  const row = stage.stage;
  return (
    <div className="space-y-3">
      <p className="flex flex-wrap items-center gap-2">
        <Badge tone={REVIEW_STAGE_STATE_TONES[stage.state]}>{REVIEW_STAGE_STATE_LABELS[stage.state]}</Badge>
        {row?.submittedAt ? <span className="text-sm text-slate-600">soumis le {formatDateTime(row.submittedAt)}</span> : null}
        {row?.decidedAt ? <span className="text-sm text-slate-600">· avis du {formatDateTime(row.decidedAt)}</span> : null}
      </p>
      {guard && stage.state !== "favourable" ? <p className="text-sm text-slate-700">{guard.message}</p> : null}
      {transitions.includes("submit") && actions.submit ? (
        <ActionButton
          action={actions.submit}
          fields={{ subjectKind: subject.kind, subjectId: subject.id, version: String(stage.version) }}
          label={`${stage.state === "changes_requested" ? "Soumettre à nouveau à l’ARS" : "Soumettre à l’ARS"} ${subject.label}`}
          announceSuccess
        >
          {stage.state === "changes_requested" ? "Soumettre à nouveau à l’ARS" : "Soumettre à l’ARS"}
        </ActionButton>
      ) : null}
      {row && transitions.includes("approve") && actions.approve ? (
        <ActionButton
          action={actions.approve}
          fields={{ stageId: row.id, version: String(stage.version) }}
          label={`Rendre un avis favorable sur ${subject.label}`}
          announceSuccess
        >
          Rendre un avis favorable
        </ActionButton>
      ) : null}
      {row && transitions.includes("requestChanges") && actions.requestChanges ? (
        <Disclosure
          summary={
            <>
              Demander des modifications<span className="sr-only"> sur {subject.label}</span>
            </>
          }
        >
          <div className="mt-3 max-w-2xl">
            <ReviewCommentForm
              action={actions.requestChanges}
              kind="requestChanges"
              hidden={{ stageId: row.id, version: stage.version }}
              label={`Demander des modifications sur ${subject.label}`}
              fieldLabel="Ce qui doit changer"
              hint="Ouvre une discussion à laquelle les coordinateurs répondent."
              submitLabel="Envoyer la demande"
            />
          </div>
        </Disclosure>
      ) : null}
    </div>
  );
}
