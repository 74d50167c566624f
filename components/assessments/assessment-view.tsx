// A fiche's assessment to read: in a closed campaign, or for whoever reads the contract without
// editing the fiche (the ARS, partners). Each value as its catalogue shows it.
import { FactList } from "@/components/ui/fact-list";
import { Table } from "@/components/ui/table";
import { CRITERIA, CRITERION_LABELS, ratingText } from "@/lib/assessments/labels";
import type { AssessmentPage } from "@/lib/assessments/queries";
import { ASSESSMENT_FIELDS } from "@/lib/assessments/schema";
import { formatEurosExact } from "@/lib/format";
import { BudgetTable } from "./budget-table";

const NOT_GIVEN = "Non renseigné";

export function AssessmentView({ record, budget }: { record: NonNullable<AssessmentPage["record"]>; budget: AssessmentPage["budget"] }) {
  const { realisationStatus, achievementRate } = ASSESSMENT_FIELDS;
  return (
    <div className="space-y-6">
      <FactList
        facts={[
          { label: realisationStatus.label, value: realisationStatus.history.value(record) ?? NOT_GIVEN },
          { label: achievementRate.label, value: achievementRate.history.value(record) ?? NOT_GIVEN },
        ]}
      />
      <div>
        <h3 className="mb-2 font-semibold text-slate-900">Budget prévu et dépensé</h3>
        <BudgetTable
          lines={budget.lines}
          planned={budget.planned}
          spent={formatEurosExact(budget.spent)}
          spentCell={(line, index) => (budget.lines[index].spent === null ? "—" : formatEurosExact(budget.lines[index].spent!))}
        />
      </div>
      <Table
        caption="Appréciation selon les critères d’évaluation"
        showCaption
        columns={[{ label: "Critère", className: "w-1/5" }, { label: "Appréciation", className: "w-1/5" }, { label: "Commentaire" }]}
        bodyClassName="divide-y divide-slate-200"
      >
        {CRITERIA.map((criterion) => (
          <tr key={criterion} className="align-top">
            <th scope="row" className="text-slate-900">
              {CRITERION_LABELS[criterion].label}
            </th>
            <td>{ratingText(record[`${criterion}Rating`]) ?? NOT_GIVEN}</td>
            <td className="whitespace-pre-line">{record[`${criterion}Comment`] ?? ""}</td>
          </tr>
        ))}
      </Table>
      {(["difficulties", "synthesis", "recommendations"] as const).map((name) => (
        <div key={name}>
          <h3 className="font-semibold text-slate-900">{ASSESSMENT_FIELDS[name].label}</h3>
          <p className="mt-1 whitespace-pre-line text-slate-800">{record[name] ?? NOT_GIVEN}</p>
        </div>
      ))}
    </div>
  );
}
