import type { Metadata } from "next";
import type { ReactNode } from "react";
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

/** A record in the trash, as its row shows it. */
type TrashEntry = { id: string; kind: "fiche" | "objective" | "indicator"; name: ReactNode; detail: string; restoreLabel: string };

/** An objective or an indicator in the trash: named by itself, placed by its fiche. */
function withinFiche(
  kind: "objective" | "indicator",
  record: { id: string; deletedAt: Date | null; fiche: { number: number; title: string } },
  name: string,
  restoreLabel: string,
): TrashEntry {
  return {
    id: record.id,
    kind,
    name,
    detail: `${ficheLabel(record.fiche.number)} – ${record.fiche.title} · supprimé le ${formatDateTime(record.deletedAt!)}`,
    restoreLabel,
  };
}

type Props = { params: Promise<{ slug: string; contractId: string }> };

export default async function TrashPage({ params }: Props) {
  const { slug, contractId } = await params;
  const { data } = await loadAuthorized(`/espace/${slug}/contrats/${contractId}/corbeille`, { slug, contractId }, (actor) =>
    getTrash(actor, slug, contractId),
  );
  const sections: Array<{ id: string; title: string; empty: string; entries: TrashEntry[] }> = [
    {
      id: "fiches",
      title: "Fiches actions",
      empty: "Aucune fiche dans la corbeille.",
      entries: data.fiches.map((fiche) => ({
        id: fiche.id,
        kind: "fiche",
        name: (
          <>
            <span className="font-semibold">{ficheLabel(fiche.number)}</span> – {fiche.title}
          </>
        ),
        detail: `Supprimée le ${formatDateTime(fiche.deletedAt!)}`,
        restoreLabel: `Restaurer la ${ficheLabel(fiche.number).toLowerCase()}`,
      })),
    },
    {
      id: "objectifs",
      title: "Objectifs opérationnels",
      empty: "Aucun objectif dans la corbeille.",
      entries: data.objectives.map((objective) =>
        withinFiche("objective", objective, objective.title, `Restaurer l’objectif « ${objective.title} »`),
      ),
    },
    {
      id: "indicateurs",
      title: "Indicateurs",
      empty: "Aucun indicateur dans la corbeille.",
      entries: data.indicators.map((indicator) =>
        withinFiche("indicator", indicator, indicator.name, `Restaurer l’indicateur « ${indicator.name} »`),
      ),
    },
  ];
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
        {sections.map((section) => (
          <Section key={section.id} id={section.id} title={`${section.title} (${section.entries.length})`}>
            <ItemList items={section.entries} empty={section.empty}>
              {(entry) => (
                <>
                  <p>
                    {entry.name}
                    <span className="block text-sm text-slate-600">{entry.detail}</span>
                  </p>
                  <ActionButton
                    action={restoreAction}
                    announceSuccess
                    fields={{ kind: entry.kind, id: entry.id }}
                    label={entry.restoreLabel}
                  >
                    Restaurer
                  </ActionButton>
                </>
              )}
            </ItemList>
          </Section>
        ))}
      </div>
    </>
  );
}
