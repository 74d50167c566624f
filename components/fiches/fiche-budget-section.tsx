"use client";

// The fiche form's budget: one line per funder and year, with the live total and each line's share.
import { useState } from "react";
import { useRows } from "@/components/forms/use-rows";
import { Button } from "@/components/ui/button";
import { Combobox } from "@/components/ui/combobox";
import { FormGroup } from "@/components/ui/form-group";
import { RowButtons } from "@/components/ui/row-buttons";
import type { SelectOption } from "@/components/ui/select-field";
import { TextField } from "@/components/ui/text-field";
import { formatEuros, formatNumber } from "@/lib/format";
import type { SectionProps } from "./fiche-section";

/** "12 500,50" → 12500.5; anything else → 0 (the live total only; the server validates). */
const parseAmount = (text: string) => {
  const value = Number(text.replace(/[\s\u00a0\u202f€]/g, "").replace(",", "."));
  return Number.isFinite(value) ? value : 0;
};

export function BudgetSection({ values, errors, edit, organisations }: SectionProps & { organisations: readonly SelectOption[] }) {
  const budget = useRows(values.budgetLines, () => ({ funderId: "", funderLabel: "", fundingInstrument: "", year: "", amount: "" }));
  const [amounts, setAmounts] = useState<Record<string, number>>(() =>
    Object.fromEntries(budget.rows.map(({ key, row }) => [key, parseAmount(row.amount)])),
  );
  const total = budget.rows.reduce((sum, { key }) => sum + (amounts[key] ?? 0), 0);
  return (
    <FormGroup legend="Budget" description="Une ligne par financeur et par année. Le total et la part de chacun sont calculés.">
      <ol id={budget.listId} className="space-y-4">
        {budget.rows.map(({ key, row }, index) => (
          <li key={key} data-row={key} className="rounded-md border border-slate-200 p-4">
            <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
              <div className="lg:col-span-2">
                <Combobox
                  label={`Financeur ${index + 1}`}
                  name={`budgetLines.${index}.funderId`}
                  options={organisations}
                  defaultValue={row.funderId}
                  error={errors[`budgetLines.${index}.funderId`]}
                />
              </div>
              <TextField
                label="Ou son nom"
                name={`budgetLines.${index}.funderLabel`}
                defaultValue={row.funderLabel}
                hint="S’il n’est pas dans la liste."
                error={errors[`budgetLines.${index}.funderLabel`]}
              />
              <TextField
                label="Dispositif"
                name={`budgetLines.${index}.fundingInstrument`}
                defaultValue={row.fundingInstrument}
                hint="Par exemple FIR."
                error={errors[`budgetLines.${index}.fundingInstrument`]}
              />
              <TextField
                label="Année"
                name={`budgetLines.${index}.year`}
                inputMode="numeric"
                defaultValue={row.year}
                error={errors[`budgetLines.${index}.year`]}
              />
              <TextField
                label="Montant (€)"
                name={`budgetLines.${index}.amount`}
                inputMode="decimal"
                defaultValue={row.amount}
                onChange={(event) => setAmounts((current) => ({ ...current, [key]: parseAmount(event.target.value) }))}
                hint={total > 0 ? `Part\u00a0: ${formatNumber(Math.round(((amounts[key] ?? 0) / total) * 1000) / 10)}\u00a0%` : undefined}
                error={errors[`budgetLines.${index}.amount`]}
              />
            </div>
            <div className="mt-3">
              <RowButtons
                index={index}
                count={budget.rows.length}
                what={`la ligne de budget ${index + 1}`}
                onMove={edit((offset) => budget.move(key, offset))}
                onRemove={edit(() => budget.remove(key))}
              />
            </div>
          </li>
        ))}
      </ol>
      <p className="font-semibold text-slate-900" aria-live="polite">
        Total&#8239;: {formatEuros(total)}
      </p>
      <Button variant="secondary" data-adds-to={budget.listId} onClick={edit(budget.add)}>
        Ajouter une ligne de budget
      </Button>
    </FormGroup>
  );
}
