// What every section of the fiche form receives: the saved values, the errors of the last
// submission, and `edit`, which marks the form changed before a row is added, moved or removed.
import type { SelectOption } from "@/components/ui/select-field";
import type { FieldErrors } from "@/lib/actions/result";
import type { FicheFormValues } from "@/lib/fiches/queries";

export type Edit = <Args extends unknown[]>(change: (...args: Args) => void) => (...args: Args) => void;

export type SectionProps = { values: FicheFormValues; errors: FieldErrors; edit: Edit };

export type FicheChoices = { axes: SelectOption[]; findings: SelectOption[]; members: SelectOption[]; previousFiches: SelectOption[] };

export const optionsOf = (labels: Record<string, string>): SelectOption[] =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));
