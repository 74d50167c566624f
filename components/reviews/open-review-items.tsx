// What the agency waits for from a territory's coordinators, on their workspace page: the open
// threads, each answered or resolved in place, and the stages it sent back or has yet to decide,
// with the way to their contract. The same thread component as the agency's pages.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatCount } from "@/lib/format";
import { REVIEW_STAGE_STATE_LABELS, REVIEW_STAGE_STATE_TONES, REVIEW_SUBJECT_KIND_LABELS } from "@/lib/reviews/labels";
import { reviewHref } from "@/lib/reviews/paths";
import type { OpenReviewItems } from "@/lib/reviews/queries";
import { ReviewThread, type ThreadActions } from "./review-thread";

/** How many items wait for the territory: open threads and stages sent back. */
export const awaitingTerritory = ({ threads, stages }: OpenReviewItems) =>
  threads.length + stages.filter((stage) => stage.state === "changes_requested").length;

export function OpenReviewItems({
  items,
  actions,
  showContract,
}: {
  items: OpenReviewItems;
  actions: ThreadActions;
  showContract: boolean;
}) {
  const count = awaitingTerritory(items);
  return (
    <div className="space-y-4">
      <p className="flex flex-wrap items-center gap-2" role="status">
        <Badge tone={count ? "warning" : "success"}>{formatCount(count, "élément à traiter", "éléments à traiter")}</Badge>
        {count ? null : <span className="text-slate-700">Rien n’attend de réponse de votre part.</span>}
      </p>
      {items.stages.length ? (
        <ul className="space-y-2" aria-label="Documents soumis à l’avis de l’ARS">
          {items.stages.map((stage) => (
            <li key={stage.id} className="flex flex-col gap-1 rounded bg-slate-50 px-3 py-2 sm:flex-row sm:items-center sm:gap-3">
              <span className="grow">
                {REVIEW_SUBJECT_KIND_LABELS[stage.subjectKind]}
                {showContract ? ` · ${stage.contract.title}` : ""}
                {" · "}
                <Link
                  href={reviewHref(`/espace/${stage.contract.territory.slug}/contrats/${stage.contractId}`, "coordinator", {
                    kind: stage.subjectKind,
                    id: stage.subjectId,
                  })}
                >
                  {stage.state === "changes_requested"
                    ? "Répondre et soumettre à nouveau"
                    : stage.subjectKind === "amendment"
                      ? "Voir sur la page de l’avenant"
                      : "Voir sur la page du contrat"}
                  <span className="sr-only"> ({stage.contract.title})</span>
                </Link>
              </span>
              <Badge tone={REVIEW_STAGE_STATE_TONES[stage.state]}>{REVIEW_STAGE_STATE_LABELS[stage.state]}</Badge>
            </li>
          ))}
        </ul>
      ) : null}
      {items.threads.map((thread) => (
        <ReviewThread key={thread.id} thread={thread} side="coordinator" actions={actions} showContract={showContract} />
      ))}
    </div>
  );
}
