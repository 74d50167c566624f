// One review thread, as both sides see it: its target, status and comments (the agency's marked
// as such), then what the reader may do: answer or comment while it is open, resolve it, reopen
// it (the agency). Which controls show is the workflow's table (lib/reviews/workflow.ts).
import { ActionButton } from "@/components/forms/action-button";
import { Badge } from "@/components/ui/badge";
import { Disclosure } from "@/components/ui/disclosure";
import type { ServerAction } from "@/lib/actions/server-action";
import { formatCount, formatDateTime } from "@/lib/format";
import { REVIEW_THREAD_STATUS_LABELS } from "@/lib/reviews/labels";
import type { ReviewThreadView } from "@/lib/reviews/queries";
import { THREAD_TRANSITIONS, type Side } from "@/lib/reviews/workflow";
import { ReviewCommentForm } from "./review-comment-form";

export type ThreadActions = {
  /** A comment (the agency) or an answer (the territory). */
  comment?: ServerAction<null>;
  resolve?: ServerAction<null>;
  reopen?: ServerAction<null>;
};

export function ReviewThread({
  thread,
  side,
  actions,
  showContract = false,
}: {
  thread: ReviewThreadView;
  /** Who reads: the side whose controls show, when actions are given. */
  side: Side;
  actions: ThreadActions;
  /** In a list that mixes contracts (the workspace), name the thread's. */
  showContract?: boolean;
}) {
  const open = thread.status === "open";
  const title = showContract ? `${thread.targetLabel} · ${thread.contractTitle}` : thread.targetLabel;
  const may = (transition: keyof typeof THREAD_TRANSITIONS) =>
    THREAD_TRANSITIONS[transition].from === thread.status && (THREAD_TRANSITIONS[transition].sides as readonly Side[]).includes(side);
  return (
    <article
      id={`discussion-${thread.id}`}
      aria-labelledby={`discussion-${thread.id}-titre`}
      className={`rounded-md border p-4 ${open ? "border-amber-300 bg-amber-50/40" : "border-slate-200"}`}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h3 id={`discussion-${thread.id}-titre`} className="font-semibold text-slate-900">
          {title}
        </h3>
        <Badge tone={open ? "warning" : "success"}>{REVIEW_THREAD_STATUS_LABELS[thread.status]}</Badge>
      </div>
      {thread.hiddenComments ? (
        <p className="mt-2 text-sm text-slate-600">
          {formatCount(
            thread.hiddenComments,
            "commentaire plus ancien n’est pas affiché",
            "commentaires plus anciens ne sont pas affichés",
          )}
          .
        </p>
      ) : null}
      <ol className="mt-3 space-y-3" aria-label={`Commentaires sur ${thread.targetLabel}`}>
        {thread.comments.map((comment) => (
          <li
            key={comment.id}
            className={`rounded border-l-4 px-3 py-2 ${comment.fromAgency ? "border-brand-600 bg-white" : "border-slate-400 bg-slate-50"}`}
          >
            <p className="text-sm text-slate-600">
              <span className="font-medium text-slate-900">{comment.fromAgency ? "ARS" : "Territoire"}</span>
              {comment.author ? ` · ${comment.author}` : ""} · {formatDateTime(comment.createdAt)}
            </p>
            <p className="mt-1 whitespace-pre-line text-slate-800">{comment.body}</p>
          </li>
        ))}
      </ol>
      <div className="mt-3 flex flex-wrap items-start gap-3">
        {open && actions.comment ? (
          <Disclosure className="w-full" summary={side === "officer" ? "Ajouter un commentaire" : "Répondre"}>
            <div className="mt-3 max-w-2xl">
              <ReviewCommentForm
                action={actions.comment}
                kind="comment"
                hidden={{ threadId: thread.id }}
                label={`${side === "officer" ? "Commenter" : "Répondre à"} la discussion sur ${thread.targetLabel}`}
                fieldLabel={side === "officer" ? "Votre commentaire" : "Votre réponse"}
                submitLabel={side === "officer" ? "Publier le commentaire" : "Envoyer la réponse"}
              />
            </div>
          </Disclosure>
        ) : null}
        {may("resolve") && actions.resolve ? (
          <ActionButton
            action={actions.resolve}
            fields={{ threadId: thread.id, version: String(thread.version) }}
            label={`Marquer comme résolue la discussion sur ${thread.targetLabel}`}
            announceSuccess
          >
            Marquer comme résolue
          </ActionButton>
        ) : null}
        {may("reopen") && actions.reopen ? (
          <ActionButton
            action={actions.reopen}
            fields={{ threadId: thread.id, version: String(thread.version) }}
            label={`Rouvrir la discussion sur ${thread.targetLabel}`}
            announceSuccess
          >
            Rouvrir
          </ActionButton>
        ) : null}
      </div>
    </article>
  );
}

/** The threads of one target, and the "Commenter" control the agency opens a new one with. */
export function ReviewThreads({
  threads,
  side,
  actions,
  newThread,
  showContract,
}: {
  threads: readonly ReviewThreadView[];
  side: Side;
  actions: ThreadActions;
  /** For the agency: the action and target a new thread opens on. */
  newThread?: { action: ServerAction<null>; contractId: string; targetKind: string; targetId: string; targetLabel: string };
  showContract?: boolean;
}) {
  return (
    <div className="space-y-3">
      {threads.map((thread) => (
        <ReviewThread key={thread.id} thread={thread} side={side} actions={actions} showContract={showContract} />
      ))}
      {newThread ? (
        <Disclosure
          className="w-full"
          summary={
            <>
              Commenter<span className="sr-only"> {newThread.targetLabel}</span>
            </>
          }
        >
          <div className="mt-3 max-w-2xl">
            <ReviewCommentForm
              action={newThread.action}
              kind="open"
              hidden={{ contractId: newThread.contractId, targetKind: newThread.targetKind, targetId: newThread.targetId }}
              label={`Commenter ${newThread.targetLabel}`}
              fieldLabel={`Votre commentaire sur ${newThread.targetLabel}`}
              submitLabel="Publier le commentaire"
              hint="Les coordinateurs du territoire en sont avertis et vous répondent ici."
            />
          </div>
        </Disclosure>
      ) : null}
    </div>
  );
}
