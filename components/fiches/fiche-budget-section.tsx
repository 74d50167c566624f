"use client";

// The fiche form's budget: one line per funder and year, with the live total and each line's share.
import { useState } from "react";
import { inputProps } from "@/components/forms/catalogue-field";
import { RowList } from "@/components/forms/row-list";
import { useRows } from "@/components/forms/use-rows";
import { Combobox, type OptionSource } from "@/components/ui/combobox";
import { FormGroup } from "@/components/ui/form-group";
import { TextField } from "@/components/ui/text-field";
import { FICHE_FIELDS } from "@/lib/fiches/schema";
import { formatEuros, formatNumber } from "@/lib/format";
import type { SectionProps } from "./fiche-section";

/** "12 500,50" → 12500.5; anything else → 0 (the live total only; the server validates). */
const parseAmount = (text: string) => {
  const value = Number(text.replace(/[\s\u00a0\u202f€]/g, "").replace(",", "."));
  return Number.isFinite(value) ? value : 0;
};

export function BudgetSection({ values, errors, edit, organisations }: SectionProps & { organisations: OptionSource }) {
  const budget = useRows(values.budgetLines, () => ({
    id: "",
    funderId: "",
    funderLabel: "",
    fundingInstrument: "",
    year: "",
    amount: "",
  }));
  const [amounts, setAmounts] = useState<Record<string, number>>(() =>
    Object.fromEntries(budget.rows.map(({ key, row }) => [key, parseAmount(row.amount)])),
  );
  const total = budget.rows.reduce((sum, { key }) => sum + (amounts[key] ?? 0), 0);
  return (
    <FormGroup legend="Budget" description="Une ligne par financeur et par année. Le total et la part de chacun sont calculés.">
      <RowList
        rows={budget}
        edit={edit}
        field={FICHE_FIELDS.budgetLines}
        cards
        rowClassName="rounded-md border border-slate-200 p-4"
        footer={
          <p className="font-semibold text-slate-900" aria-live="polite">
            Total&#8239;: {formatEuros(total)}
          </p>
        }
      >
        {(row, index, key) => {
          const input = inputProps(row, errors, `budgetLines.${index}.`);
          return (
            <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
              <input type="hidden" name={`budgetLines.${index}.id`} value={row.id} />
              <div className="lg:col-span-2">
                <Combobox label={`Financeur ${index + 1}`} options={organisations} {...input("funderId")} />
              </div>
              <TextField label="Ou son nom" hint="S’il n’est pas dans la liste." {...input("funderLabel")} />
              <TextField label="Dispositif" hint="Par exemple FIR." {...input("fundingInstrument")} />
              <TextField label="Année" inputMode="numeric" {...input("year")} />
              <TextField
                label="Montant (€)"
                inputMode="decimal"
                {...input("amount")}
                onChange={(event) => setAmounts((current) => ({ ...current, [key]: parseAmount(event.target.value) }))}
                hint={total > 0 ? `Part\u00a0: ${formatNumber(Math.round(((amounts[key] ?? 0) / total) * 1000) / 10)}\u00a0%` : undefined}
              />
            </div>
          );
        }}
      </RowList>
    </FormGroup>
  );
}
