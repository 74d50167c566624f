import type { Metadata } from "next";
import { ActionButton } from "@/components/forms/action-button";
import { ItemList } from "@/components/ui/item-list";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { WorkspaceBreadcrumb } from "@/components/workspace/workspace-breadcrumb";
import { loadAuthorized } from "@/lib/auth/require";
import { ficheLabel } from "@/lib/contracts/labels";
import { getTrash, TRASH_DAYS } from "@/lib/fiches/trash";
import { formatDateTime } from "@/lib/format";
import { restoreAction } from "./actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Corbeille" };

type Props = { params: Promise<{ slug: string; contractId: string }> };

export default async function TrashPage({ params }: Props) {
  const { slug, contractId } = await params;
  const { data } = await loadAuthorized(`/espace/${slug}/contrats/${contractId}/corbeille`, { slug, contractId }, (actor) =>
    getTrash(actor, slug, contractId),
  );
  return (
    <>
      <PageHeader
        title="Corbeille"
        eyebrow={<WorkspaceBreadcrumb territory={data.contract.territory} contract={data.contract} current="Corbeille" />}
      >
        <p>
          Les fiches actions, objectifs et indicateurs supprimés depuis moins de {TRASH_DAYS}&nbsp;jours. Restaurés, ils reprennent leur
          place avec leur contenu.
        </p>
      </PageHeader>
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
        <Section id="fiches" title={`Fiches actions (${data.fiches.length})`}>
          <ItemList items={data.fiches} empty="Aucune fiche dans la corbeille.">
            {(fiche) => (
              <>
                <p>
                  <span className="font-semibold">{ficheLabel(fiche.number)}</span> – {fiche.title}
                  <span className="block text-sm text-slate-600">Supprimée le {formatDateTime(fiche.deletedAt!)}</span>
                </p>
                <ActionButton
                  action={restoreAction}
                  announceSuccess
                  fields={{ kind: "fiche", id: fiche.id }}
                  label={`Restaurer la ${ficheLabel(fiche.number).toLowerCase()}`}
                >
                  Restaurer
                </ActionButton>
              </>
            )}
          </ItemList>
        </Section>
        <Section id="objectifs" title={`Objectifs opérationnels (${data.objectives.length})`}>
          <ItemList items={data.objectives} empty="Aucun objectif dans la corbeille.">
            {(objective) => (
              <>
                <p>
                  {objective.title}
                  <span className="block text-sm text-slate-600">
                    {ficheLabel(objective.fiche.number)} – {objective.fiche.title} · supprimé le {formatDateTime(objective.deletedAt!)}
                  </span>
                </p>
                <ActionButton
                  action={restoreAction}
                  announceSuccess
                  fields={{ kind: "objective", id: objective.id }}
                  label={`Restaurer l’objectif « ${objective.title} »`}
                >
                  Restaurer
                </ActionButton>
              </>
            )}
          </ItemList>
        </Section>
        <Section id="indicateurs" title={`Indicateurs (${data.indicators.length})`}>
          <ItemList items={data.indicators} empty="Aucun indicateur dans la corbeille.">
            {(indicator) => (
              <>
                <p>
                  {indicator.name}
                  <span className="block text-sm text-slate-600">
                    {ficheLabel(indicator.fiche.number)} – {indicator.fiche.title} · supprimé le {formatDateTime(indicator.deletedAt!)}
                  </span>
                </p>
                <ActionButton
                  action={restoreAction}
                  announceSuccess
                  fields={{ kind: "indicator", id: indicator.id }}
                  label={`Restaurer l’indicateur « ${indicator.name} »`}
                >
                  Restaurer
                </ActionButton>
              </>
            )}
          </ItemList>
        </Section>
      </div>
    </>
  );
}
