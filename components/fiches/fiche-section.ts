// What every section of the fiche form receives: the saved values, the errors of the last
// submission, and `edit`, which marks the form changed before a row is added, moved or removed.
import type { Edit } from "@/components/forms/use-unsaved-changes";
import type { SelectOption } from "@/components/ui/select-field";
import type { FieldErrors } from "@/lib/actions/result";
import type { FicheFormValues } from "@/lib/fiches/queries";

export type { Edit };

export type SectionProps = { values: FicheFormValues; errors: FieldErrors; edit: Edit };

export type FicheChoices = {
  axes: SelectOption[];
  findings: SelectOption[];
  members: SelectOption[];
  previousFiches: SelectOption[];
  prsObjectives: SelectOption[];
};
