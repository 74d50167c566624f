// What an assessment is about, above its form: the fiche's place, pilot, status and period, its
// general and operational objectives, and where its indicators stand (latest value against target).
import { Badge } from "@/components/ui/badge";
import { FactList } from "@/components/ui/fact-list";
import { Table } from "@/components/ui/table";
import type { AssessmentPage } from "@/lib/assessments/queries";
import { axisLabel } from "@/lib/contracts/labels";
import { PROGRESS_STATUS_LABELS } from "@/lib/fiches/labels";
import { formatDate, formatNumber } from "@/lib/format";
import { indicatorValueText, judgementLabel, STANDING_TONES } from "@/lib/indicators/labels";

export function FicheContext({ fiche, indicators }: Pick<AssessmentPage, "fiche" | "indicators">) {
  const period = [fiche.startsOn, fiche.endsOn].map((day) => (day ? formatDate(day) : "…")).join(" – ");
  return (
    <div className="space-y-6">
      <FactList
        facts={[
          { label: "Axe", value: `${axisLabel(fiche.axis)} · ${fiche.axis.title}` },
          { label: "Pilote", value: fiche.pilot ?? "Non désigné" },
          { label: "Statut de la fiche", value: `${PROGRESS_STATUS_LABELS[fiche.status]} · ${formatNumber(fiche.progress)}\u00a0%` },
          { label: "Période", value: fiche.startsOn || fiche.endsOn ? period : "Non précisée" },
        ]}
      />
      {fiche.generalObjective ? (
        <div>
          <h3 className="font-semibold text-slate-900">Objectif général</h3>
          <p className="mt-1 whitespace-pre-line text-slate-800">{fiche.generalObjective}</p>
        </div>
      ) : null}
      {fiche.objectives.length ? (
        <div>
          <h3 className="font-semibold text-slate-900">Objectifs opérationnels</h3>
          <ol className="mt-2 list-decimal space-y-1 pl-6 text-slate-800">
            {fiche.objectives.map((objective) => (
              <li key={objective.id}>
                {objective.title}{" "}
                <span className="text-sm text-slate-600">
                  ({PROGRESS_STATUS_LABELS[objective.status].toLowerCase()}, {formatNumber(objective.progress)}&#8239;%
                  {objective.dueOn ? `, échéance le ${formatDate(objective.dueOn)}` : ""})
                </span>
              </li>
            ))}
          </ol>
        </div>
      ) : null}
      {indicators.length ? (
        <div className="relative overflow-x-auto">
          <Table
            caption="Indicateurs de la fiche"
            showCaption
            columns={[
              { label: "Indicateur" },
              { label: "Départ", className: "text-right" },
              { label: "Dernière mesure", className: "text-right" },
              { label: "Cible", className: "text-right" },
              { label: "Trajectoire" },
            ]}
            bodyClassName="divide-y divide-slate-200"
          >
            {indicators.map((indicator) => (
              <tr key={indicator.id} className="align-top">
                <th scope="row" className="font-normal text-slate-900">
                  {indicator.name}
                </th>
                <td className="text-right">{indicatorValueText(indicator.baselineValue, indicator.unit)}</td>
                <td className="text-right">
                  {indicator.latest ? (
                    <>
                      {indicatorValueText(indicator.latest.value, indicator.unit)}
                      <span className="block text-xs text-slate-600">{formatDate(indicator.latest.measuredOn)}</span>
                    </>
                  ) : (
                    "Aucune"
                  )}
                </td>
                <td className="text-right">
                  {indicatorValueText(indicator.targetValue, indicator.unit)}
                  {indicator.targetOn ? <span className="block text-xs text-slate-600">{formatDate(indicator.targetOn)}</span> : null}
                </td>
                <td>
                  <Badge tone={STANDING_TONES[indicator.judgement.standing]}>{judgementLabel(indicator.judgement)}</Badge>
                </td>
              </tr>
            ))}
          </Table>
        </div>
      ) : (
        <p className="text-slate-700">La fiche n’a pas d’indicateur.</p>
      )}
    </div>
  );
}
