// « Publier les fiches modifiées », for a contract's coordinators: how many fiches the public does
// not read as they stand (never published, or edited since), which ones, and one confirmed action
// that publishes them all at the versions this page shows (lib/publication/pending.ts).
import { ConfirmActionButton } from "@/components/forms/confirm-action-button";
import { Disclosure } from "@/components/ui/disclosure";
import type { ServerAction } from "@/lib/actions/server-action";
import { ficheLabel } from "@/lib/contracts/labels";
import { formatCount, formatNumber } from "@/lib/format";
import { publishFields, type PendingFiche } from "@/lib/publication/pending";
import { PUBLISH_LIMIT } from "@/lib/publication/schema";

const REASONS = { unpublished: "jamais publiée", modified: "modifiée depuis sa publication" } satisfies Record<
  PendingFiche["reason"],
  string
>;

export function BulkPublishPanel({
  contractId,
  pending: all,
  publish,
}: {
  contractId: string;
  /** The fiches to publish, in number order (`fichesToPublish`). */
  pending: readonly PendingFiche[];
  publish: ServerAction<null>;
}) {
  if (!all.length)
    return (
      <p className="text-slate-700" id="publication-fiches">
        Le public lit toutes les fiches non confidentielles telles qu’elles sont enregistrées.
      </p>
    );
  const pending = all.slice(0, PUBLISH_LIMIT);
  const unpublished = pending.filter((fiche) => fiche.reason === "unpublished").length;
  const modified = pending.length - unpublished;
  const count = formatCount(pending.length, "fiche", "fiches");
  return (
    <div id="publication-fiches" className="space-y-3 rounded-md border border-slate-200 bg-slate-50 p-4">
      <p className="text-slate-800">
        {formatCount(pending.length, "fiche à publier", "fiches à publier")}&#8239;:{" "}
        {[
          unpublished ? formatCount(unpublished, "jamais publiée", "jamais publiées") : null,
          modified ? formatCount(modified, "modifiée depuis sa publication", "modifiées depuis leur publication") : null,
        ]
          .filter(Boolean)
          .join(", ")}
        .{all.length > pending.length ? ` Les ${formatNumber(PUBLISH_LIMIT)} premières sont publiées cette fois.` : ""}
      </p>
      <Disclosure summary={`Voir les ${count} concernées`}>
        <ul className="mt-2 space-y-1 text-slate-800" aria-label="Fiches à publier">
          {pending.map((fiche) => (
            <li key={fiche.id}>
              <span className="font-semibold">{ficheLabel(fiche.number)}</span> {fiche.title}{" "}
              <span className="text-sm text-slate-600">({REASONS[fiche.reason]})</span>
            </li>
          ))}
        </ul>
      </Disclosure>
      <ConfirmActionButton
        action={publish}
        fields={publishFields(contractId, pending)}
        label={`Publier les fiches modifiées (${count})`}
        question={`Publier ${pending.length > 1 ? `ces ${count}` : "cette fiche"}\u00a0? Le public lira aussitôt la version enregistrée.`}
        confirmLabel="Publier les fiches modifiées"
        confirmVariant="primary"
      />
    </div>
  );
}
