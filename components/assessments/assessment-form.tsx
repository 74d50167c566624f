"use client";

// A fiche's assessment in an open campaign: its realisation, what was spent of each budget line,
// a rating and a comment for each evaluation criterion, its difficulties, synthesis and
// recommendations. Validated with the action's own schema before it is sent.
import { useState } from "react";
import { catalogueInputs } from "@/components/forms/catalogue-field";
import { ActionForm } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { useUnsavedChanges } from "@/components/forms/use-unsaved-changes";
import { Button } from "@/components/ui/button";
import { FormGroup } from "@/components/ui/form-group";
import { SaveBar } from "@/components/ui/save-bar";
import { TextField } from "@/components/ui/text-field";
import type { ServerAction } from "@/lib/actions/server-action";
import { CRITERIA } from "@/lib/assessments/labels";
import { ASSESSMENT_FIELDS, saveAssessmentSchema } from "@/lib/assessments/schema";
import type { FormValuesOf } from "@/lib/catalogue";
import { formatEuros } from "@/lib/format";
import { DECIMAL_COLUMNS, parseDecimal } from "@/lib/validation/fields";
import { BudgetTable, type BudgetTableLine } from "./budget-table";

export type AssessmentFormValues = FormValuesOf<typeof ASSESSMENT_FIELDS> & {
  spending: ReadonlyArray<{ budgetLineId: string; spent: string }>;
};

/** A typed amount as a number, for the live total only (the server reads it exactly); 0 when it is not one. */
function amountOf(text: string): number {
  const read = parseDecimal(text, DECIMAL_COLUMNS["AssessmentSpending.spent"], { kind: "amount" });
  return "value" in read ? Number(read.value) : 0;
}

export function AssessmentForm({
  action,
  target,
  values,
  budget,
}: {
  action: ServerAction<null>;
  target: { campaignId: string; ficheId: string; version: number };
  values: AssessmentFormValues;
  budget: { lines: readonly BudgetTableLine[]; planned: string };
}) {
  const form = useActionForm(action, { schema: saveAssessmentSchema, onSuccess: () => markSaved() });
  const { markSaved } = useUnsavedChanges(form.formRef);
  const { fields } = catalogueInputs(ASSESSMENT_FIELDS, values, form.fieldErrors);
  const [spent, setSpent] = useState(() => values.spending.map((row) => amountOf(row.spent)));
  const total = spent.reduce((sum, amount) => sum + amount, 0);

  return (
    <ActionForm form={form} hidden={target} className="space-y-6" label="Bilan de la fiche">
      <FormGroup legend="Réalisation">
        <div className="grid gap-4 sm:grid-cols-2">{fields("realisationStatus", "achievementRate")}</div>
      </FormGroup>
      <FormGroup
        legend="Budget prévu et dépensé"
        description="Pour chaque ligne du budget de la fiche, le montant dépensé sur la période évaluée, en euros. Une case vide ne compte aucune dépense."
      >
        <BudgetTable
          lines={budget.lines}
          planned={budget.planned}
          spent={<span aria-live="polite">{formatEuros(total)}</span>}
          spentCell={(line, index) => (
            <>
              <input type="hidden" name={`spending.${index}.budgetLineId`} value={line.id} />
              <TextField
                label={`Dépensé (€)\u00a0: ${line.label}`}
                hideLabel
                name={`spending.${index}.spent`}
                inputMode="decimal"
                defaultValue={values.spending[index]?.spent ?? ""}
                error={form.fieldErrors[`spending.${index}.spent`]}
                onChange={(event) => {
                  const amount = amountOf(event.target.value);
                  setSpent((current) => current.map((value, at) => (at === index ? amount : value)));
                }}
              />
            </>
          )}
        />
      </FormGroup>
      <FormGroup
        legend="Appréciation selon les critères d’évaluation"
        description="Chaque critère reçoit une appréciation de 1 (insuffisant) à 4 (très satisfaisant), et un commentaire qui la justifie."
      >
        {CRITERIA.map((criterion) => (
          <div key={criterion} className="space-y-3 rounded-md border border-slate-200 p-4">
            {fields(`${criterion}Rating`, `${criterion}Comment`)}
          </div>
        ))}
      </FormGroup>
      <FormGroup legend="Synthèse">{fields("difficulties", "synthesis", "recommendations")}</FormGroup>
      <SaveBar>
        <Button type="submit" disabled={form.pending}>
          {form.pending ? "Enregistrement…" : "Enregistrer le bilan"}
        </Button>
      </SaveBar>
    </ActionForm>
  );
}
