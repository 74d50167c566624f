import type { Metadata } from "next";
import { ActionButton } from "@/components/forms/action-button";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
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
  const contractPath = `/espace/${data.contract.territory.slug}/contrats/${data.contract.id}`;
  return (
    <>
      <PageHeader
        title="Corbeille"
        eyebrow={
          <Breadcrumb
            items={[
              { label: "Mon espace", href: "/espace" },
              { label: data.contract.territory.name, href: `/espace/${data.contract.territory.slug}` },
              { label: data.contract.title, href: contractPath },
              { label: "Corbeille" },
            ]}
          />
        }
      >
        <p>
          Les fiches actions, objectifs et indicateurs supprimés depuis moins de {TRASH_DAYS}&nbsp;jours. Restaurés, ils reprennent leur
          place avec leur contenu.
        </p>
      </PageHeader>
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
        <Section id="fiches" title={`Fiches actions (${data.fiches.length})`}>
          {data.fiches.length ? (
            <ul className="divide-y divide-slate-200">
              {data.fiches.map((fiche) => (
                <li key={fiche.id} className="flex flex-col gap-2 py-3 first:pt-0 last:pb-0 sm:flex-row sm:items-center sm:justify-between">
                  <p>
                    <span className="font-semibold">{ficheLabel(fiche.number)}</span> – {fiche.title}
                    <span className="block text-sm text-slate-600">Supprimée le {formatDateTime(fiche.deletedAt!)}</span>
                  </p>
                  <ActionButton
                    action={restoreAction}
                    fields={{ kind: "fiche", id: fiche.id }}
                    label={`Restaurer la ${ficheLabel(fiche.number).toLowerCase()}`}
                  >
                    Restaurer
                  </ActionButton>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-slate-700">Aucune fiche dans la corbeille.</p>
          )}
        </Section>
        <Section id="objectifs" title={`Objectifs opérationnels (${data.objectives.length})`}>
          {data.objectives.length ? (
            <ul className="divide-y divide-slate-200">
              {data.objectives.map((objective) => (
                <li
                  key={objective.id}
                  className="flex flex-col gap-2 py-3 first:pt-0 last:pb-0 sm:flex-row sm:items-center sm:justify-between"
                >
                  <p>
                    {objective.title}
                    <span className="block text-sm text-slate-600">
                      {ficheLabel(objective.fiche.number)} – {objective.fiche.title} · supprimé le {formatDateTime(objective.deletedAt!)}
                    </span>
                  </p>
                  <ActionButton
                    action={restoreAction}
                    fields={{ kind: "objective", id: objective.id }}
                    label={`Restaurer l’objectif « ${objective.title} »`}
                  >
                    Restaurer
                  </ActionButton>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-slate-700">Aucun objectif dans la corbeille.</p>
          )}
        </Section>
        <Section id="indicateurs" title={`Indicateurs (${data.indicators.length})`}>
          {data.indicators.length ? (
            <ul className="divide-y divide-slate-200">
              {data.indicators.map((indicator) => (
                <li
                  key={indicator.id}
                  className="flex flex-col gap-2 py-3 first:pt-0 last:pb-0 sm:flex-row sm:items-center sm:justify-between"
                >
                  <p>
                    {indicator.name}
                    <span className="block text-sm text-slate-600">
                      {ficheLabel(indicator.fiche.number)} – {indicator.fiche.title} · supprimé le {formatDateTime(indicator.deletedAt!)}
                    </span>
                  </p>
                  <ActionButton
                    action={restoreAction}
                    fields={{ kind: "indicator", id: indicator.id }}
                    label={`Restaurer l’indicateur « ${indicator.name} »`}
                  >
                    Restaurer
                  </ActionButton>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-slate-700">Aucun indicateur dans la corbeille.</p>
          )}
        </Section>
      </div>
    </>
  );
}
