import type { Metadata } from "next";
import { cache } from "react";
import { FicheHeader } from "@/components/fiches/fiche-header";
import { IndicatorPanel } from "@/components/indicators/indicator-panel";
import { loadAuthorized } from "@/lib/auth/require";
import { ficheLabel } from "@/lib/contracts/labels";
import { getFicheIndicators } from "@/lib/fiches/queries";
import {
  addMeasurementAction,
  createIndicatorAction,
  deleteIndicatorAction,
  deleteMeasurementAction,
  updateIndicatorAction,
} from "../../actions";
import { restoreAction } from "../../../corbeille/actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; contractId: string; ficheId: string }> };

const load = cache((slug: string, contractId: string, ficheId: string) =>
  loadAuthorized(`/espace/${slug}/contrats/${contractId}/fiches/${ficheId}/indicateurs`, { slug, contractId, ficheId }, (actor) =>
    getFicheIndicators(actor, slug, contractId, ficheId),
  ),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, contractId, ficheId } = await params;
  const { data } = await load(slug, contractId, ficheId);
  return { title: `Indicateurs – ${ficheLabel(data.fiche.number)} – ${data.fiche.title}` };
}

export default async function FicheIndicatorsPage({ params }: Props) {
  const { slug, contractId, ficheId } = await params;
  const { data } = await load(slug, contractId, ficheId);
  const { fiche, contract } = data;
  return (
    <>
      <FicheHeader fiche={fiche} contract={contract} indicators={fiche.indicators.length} current="indicateurs" />
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
        <IndicatorPanel
          ficheId={fiche.id}
          indicators={fiche.indicators}
          objectives={fiche.objectives.map((objective, index) => ({
            value: objective.id,
            label: `Objectif ${index + 1} – ${objective.title}`,
          }))}
          organisations={data.organisations}
          actions={{
            create: createIndicatorAction,
            update: updateIndicatorAction,
            remove: deleteIndicatorAction,
            addMeasurement: addMeasurementAction,
            removeMeasurement: deleteMeasurementAction,
            restore: restoreAction,
          }}
        />
      </div>
    </>
  );
}
