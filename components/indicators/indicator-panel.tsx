// The indicators of a fiche: each with its latest value against its target, its measurements,
// and the forms to enter a value, edit or delete it; then the form to add one.
import type { OptionSource } from "@/components/ui/combobox";
import { ConfirmActionButton } from "@/components/forms/confirm-action-button";
import { Badge } from "@/components/ui/badge";
import { Disclosure } from "@/components/ui/disclosure";
import type { SelectOption } from "@/components/ui/select-field";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import type { ServerAction } from "@/lib/actions/server-action";
import type { FicheIndicator } from "@/lib/fiches/queries";
import { formatDate, formatNumber } from "@/lib/format";
import {
  COLLECTION_FREQUENCY_LABELS,
  INDICATOR_LEVEL_LABELS,
  STANDING_LABELS,
  STANDING_TONES,
  UNJUDGED_REASON_LABELS,
  indicatorValueText,
} from "@/lib/indicators/labels";
import { judgementOf } from "@/lib/indicators/trajectory";
import { dateInputValue, decimalInputValue } from "@/lib/validation/fields";
import { IndicatorForm, type IndicatorValues } from "./indicator-form";
import { MeasurementForm } from "./measurement-form";

type Indicator = FicheIndicator;
type Actions = {
  create: ServerAction<null>;
  update: ServerAction<null>;
  remove: ServerAction<null>;
  addMeasurement: ServerAction<null>;
  removeMeasurement: ServerAction<null>;
  /** The trash's restore action: "Annuler" after a deletion. */
  restore: ServerAction<null>;
};

function valuesOf(indicator: Indicator | null): IndicatorValues {
  return {
    name: indicator?.name ?? "",
    level: indicator?.level ?? "result",
    unit: indicator?.unit ?? "",
    direction: indicator?.direction ?? "increase",
    baselineValue: decimalInputValue(indicator?.baselineValue),
    baselineOn: dateInputValue(indicator?.baselineOn),
    targetValue: decimalInputValue(indicator?.targetValue),
    targetOn: dateInputValue(indicator?.targetOn),
    frequency: indicator?.frequency ?? "yearly",
    dataSource: indicator?.dataSource ?? "",
    ownerId: indicator?.ownerId ?? "",
    objectiveId: indicator?.objectiveId ?? "",
  };
}

export function IndicatorPanel({
  ficheId,
  indicators,
  objectives,
  organisations,
  actions,
}: {
  ficheId: string;
  indicators: readonly Indicator[];
  objectives: readonly SelectOption[];
  organisations: OptionSource;
  actions: Actions;
}) {
  const today = new Date();
  return (
    <Section
      id="indicateurs"
      title={`Indicateurs (${indicators.length})`}
      description="Chaque indicateur compare sa dernière mesure à la trajectoire qui va de sa valeur de départ à sa cible."
    >
      <ol className="space-y-6">
        {indicators.map((indicator) => {
          const latest = indicator.measurements[0];
          const { standing, reason } = judgementOf(indicator, today);
          return (
            <li key={indicator.id} className="rounded-md border border-slate-200 p-4 sm:p-5">
              <h3 className="text-lg font-semibold text-slate-900">{indicator.name}</h3>
              <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
                <Badge>{INDICATOR_LEVEL_LABELS[indicator.level]}</Badge>
                <Badge tone={STANDING_TONES[standing]}>{STANDING_LABELS[standing]}</Badge>
                {reason ? <span>({UNJUDGED_REASON_LABELS[reason]})</span> : null}
                <span>Collecte {COLLECTION_FREQUENCY_LABELS[indicator.frequency].toLowerCase()}</span>
                {indicator.dataSource ? <span>· Source&#8239;: {indicator.dataSource}</span> : null}
              </p>
              <dl className="mt-3 grid gap-3 sm:grid-cols-3">
                <div>
                  <dt className="text-sm text-slate-600">Départ</dt>
                  <dd className="font-semibold">
                    {indicatorValueText(indicator.baselineValue, indicator.unit)}
                    {indicator.baselineOn ? (
                      <span className="font-normal text-slate-600"> ({formatDate(indicator.baselineOn)})</span>
                    ) : null}
                  </dd>
                </div>
                <div>
                  <dt className="text-sm text-slate-600">Dernière mesure</dt>
                  <dd className="font-semibold">
                    {latest ? indicatorValueText(latest.value, indicator.unit) : "Aucune"}
                    {latest ? <span className="font-normal text-slate-600"> ({formatDate(latest.measuredOn)})</span> : null}
                  </dd>
                </div>
                <div>
                  <dt className="text-sm text-slate-600">Cible</dt>
                  <dd className="font-semibold">
                    {indicatorValueText(indicator.targetValue, indicator.unit)}
                    {indicator.targetOn ? <span className="font-normal text-slate-600"> ({formatDate(indicator.targetOn)})</span> : null}
                  </dd>
                </div>
              </dl>
              {indicator.measurements.length ? (
                <Table
                  caption={
                    indicator._count.measurements > indicator.measurements.length ? (
                      <>
                        Les {indicator.measurements.length} dernières mesures de «&nbsp;{indicator.name}&nbsp;», sur{" "}
                        {formatNumber(indicator._count.measurements)}
                      </>
                    ) : (
                      <>Mesures de «&nbsp;{indicator.name}&nbsp;»</>
                    )
                  }
                  className="mt-4"
                  headCellClassName="py-1 pr-3 font-medium last:pr-0"
                  columns={[
                    { label: "Date" },
                    { label: "Valeur", className: "text-right" },
                    { label: "Source et commentaire", className: "hidden sm:table-cell" },
                    { label: <span className="sr-only">Actions</span> },
                  ]}
                >
                  {indicator.measurements.map((measurement) => (
                    <tr key={measurement.id} className="border-b border-slate-100 last:border-0">
                      <td className="py-2 pr-3">{formatDate(measurement.measuredOn)}</td>
                      <td className="py-2 pr-3 text-right tabular-nums">{indicatorValueText(measurement.value, indicator.unit)}</td>
                      <td className="hidden py-2 pr-3 text-slate-600 sm:table-cell">
                        {[measurement.source, measurement.comment].filter(Boolean).join(" · ")}
                      </td>
                      <td className="py-2 text-right">
                        <ConfirmActionButton
                          action={actions.removeMeasurement}
                          fields={{ measurementId: measurement.id }}
                          label={`Supprimer la mesure du ${formatDate(measurement.measuredOn)}`}
                          question={"Supprimer cette mesure\u00a0?"}
                          confirmLabel="Supprimer"
                        />
                      </td>
                    </tr>
                  ))}
                </Table>
              ) : null}
              <div className="mt-4 rounded-md bg-slate-50 p-3">
                <MeasurementForm action={actions.addMeasurement} indicator={{ id: indicator.id, name: indicator.name }} />
              </div>
              <div className="mt-4 flex flex-wrap items-start gap-3">
                <ConfirmActionButton
                  action={actions.remove}
                  fields={{ indicatorId: indicator.id, version: String(indicator.version) }}
                  label={`Supprimer l’indicateur « ${indicator.name} »`}
                  question={"Mettre cet indicateur et ses mesures à la corbeille\u00a0?"}
                  confirmLabel="Supprimer l’indicateur"
                  undo={{ action: actions.restore, fields: { kind: "indicator", id: indicator.id } }}
                />
                <Disclosure className="w-full" summary="Modifier la définition de l’indicateur">
                  <div className="mt-3">
                    <IndicatorForm
                      action={actions.update}
                      indicator={{ id: indicator.id, version: indicator.version }}
                      values={valuesOf(indicator)}
                      objectives={objectives}
                      organisations={organisations}
                    />
                  </div>
                </Disclosure>
              </div>
            </li>
          );
        })}
      </ol>
      <h3 className="mt-8 text-lg font-semibold text-slate-900">Ajouter un indicateur</h3>
      <div className="mt-3">
        <IndicatorForm
          action={actions.create}
          ficheId={ficheId}
          values={valuesOf(null)}
          objectives={objectives}
          organisations={organisations}
        />
      </div>
    </Section>
  );
}
