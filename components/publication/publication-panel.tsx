"use client";

// A fiche's publication, for its coordinators: whether the public sees it and which version,
// publishing the current one or withdrawing it, and what stays confidential.
import { ActionButton } from "@/components/forms/action-button";
import { ActionForm } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox, CheckboxGroup } from "@/components/ui/checkbox";
import type { ServerAction } from "@/lib/actions/server-action";
import { ficheConfidentialitySchema } from "@/lib/publication/schema";

export type PublicationState = {
  ficheId: string;
  contractId: string;
  version: number;
  confidential: boolean;
  withheldFields: readonly string[];
  /** The public version: when it was published, of which version of the fiche; null when not published. */
  published: { on: string; version: number } | null;
  /** Where the public reads it, when published. */
  publicHref: string | null;
};

export function PublicationPanel({
  state,
  withholdable,
  actions,
}: {
  state: PublicationState;
  /** The fields a coordinator may withhold: name and French label. */
  withholdable: ReadonlyArray<{ name: string; label: string }>;
  actions: { publish: ServerAction<null>; withdraw: ServerAction<null>; confidentiality: ServerAction<null> };
}) {
  const form = useActionForm(actions.confidentiality, { schema: ficheConfidentialitySchema });
  const upToDate = state.published?.version === state.version;
  return (
    <section aria-labelledby="publication-titre" className="rounded-lg border border-slate-200 bg-white p-5 sm:p-6">
      <h2 id="publication-titre" className="text-lg font-semibold text-slate-900">
        Publication
      </h2>
      <p className="mt-2 flex flex-wrap items-center gap-2 text-slate-700">
        {state.confidential ? (
          <>
            <Badge tone="warning">Confidentielle</Badge> Cette fiche n’apparaît sur aucune page publique, ni dans les données ouvertes.
          </>
        ) : state.published ? (
          <>
            <Badge tone={upToDate ? "success" : "warning"}>{upToDate ? "Publiée" : "Modifiée depuis la publication"}</Badge>
            {upToDate
              ? `Le public lit la version publiée le ${state.published.on}.`
              : `Le public lit encore la version publiée le ${state.published.on}, sans les modifications enregistrées depuis.`}
            {state.publicHref ? <a href={state.publicHref}>Voir la page publique</a> : null}
          </>
        ) : (
          <>
            <Badge tone="neutral">Non publiée</Badge> Le public ne voit pas encore cette fiche.
          </>
        )}
      </p>
      {state.confidential ? null : (
        <div className="mt-4 flex flex-wrap gap-3">
          {upToDate ? null : (
            <ActionButton
              action={actions.publish}
              fields={{ contractId: state.contractId, "fiches.0.id": state.ficheId, "fiches.0.version": String(state.version) }}
              label="Publier la version enregistrée de la fiche"
              announceSuccess
            >
              Publier la version enregistrée
            </ActionButton>
          )}
          {state.published ? (
            <ActionButton
              action={actions.withdraw}
              fields={{ ficheId: state.ficheId }}
              label="Retirer de la publication cette fiche"
              announceSuccess
            >
              Retirer de la publication
            </ActionButton>
          ) : null}
        </div>
      )}
      <ActionForm
        form={form}
        hidden={{ ficheId: state.ficheId, version: String(state.version) }}
        className="mt-6 space-y-3"
        label="Confidentialité de la fiche"
      >
        <Checkbox
          name="confidential"
          value="on"
          label="Fiche confidentielle"
          hint="Elle quitte aussitôt les pages publiques, la recherche et les données ouvertes, et ne peut plus être publiée."
          defaultChecked={state.confidential}
        />
        <CheckboxGroup
          legend="Champs à ne pas publier"
          name="withheldFields"
          options={withholdable.map((field) => ({ value: field.name, label: field.label }))}
          checked={state.withheldFields}
        />
        <Button type="submit" variant="secondary">
          Enregistrer la confidentialité
        </Button>
      </ActionForm>
    </section>
  );
}
