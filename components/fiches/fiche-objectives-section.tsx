"use client";

// The fiche form's operational objectives, each with the partners' commitments. A saved
// objective removed here goes to the trash when the fiche is saved: `onTrash` tells the form,
// which then offers to undo it.
import type { OptionSource } from "@/components/ui/combobox";
import { catalogueInputs } from "@/components/forms/catalogue-field";
import { RowList } from "@/components/forms/row-list";
import { useRows } from "@/components/forms/use-rows";
import { FormGroup } from "@/components/ui/form-group";
import type { FieldErrors } from "@/lib/actions/result";
import type { FicheFormValues } from "@/lib/fiches/queries";
import { COMMITMENT_FIELDS, FICHE_FIELDS, OBJECTIVE_FIELDS } from "@/lib/fiches/schema";
import type { Edit, SectionProps } from "./fiche-section";

type Commitment = FicheFormValues["objectives"][number]["commitments"][number];

export function ObjectivesSection({
  values,
  errors,
  edit,
  organisations,
  onTrash,
}: SectionProps & { organisations: OptionSource; onTrash: (objective: { id: string; title: string }) => void }) {
  const objectives = useRows(values.objectives, () => ({
    id: "",
    title: "",
    description: "",
    dueOn: "",
    status: "not_started",
    progress: "0",
    weight: "",
    commitments: [] as Commitment[],
  }));
  return (
    <FormGroup
      legend="Objectifs opérationnels"
      description="Ce que les partenaires s’engagent à atteindre. L’avancement de la fiche est la moyenne de ses objectifs."
    >
      <RowList
        rows={objectives}
        edit={edit}
        field={FICHE_FIELDS.objectives}
        cards
        rowClassName="rounded-md border border-slate-300 p-4"
        onRemove={(key, row) => {
          // An objective already saved goes to the trash on save: ask first.
          if (
            !row.id ||
            window.confirm("Retirer cet objectif\u00a0? Il ira à la corbeille à l’enregistrement, restaurable pendant 30\u00a0jours.")
          ) {
            objectives.remove(key);
            if (row.id) onTrash({ id: row.id, title: row.title });
          }
        }}
      >
        {(row, index) => {
          const { field, fields } = catalogueInputs(OBJECTIVE_FIELDS, row, errors, `objectives.${index}.`);
          return (
            <>
              <input type="hidden" name={`objectives.${index}.id`} value={row.id} />
              {field("title", { label: `Objectif ${index + 1}` })}
              <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">{fields("dueOn", "status", "progress", "weight")}</div>
              <div className="mt-3">{field("description")}</div>
              <Commitments objectiveIndex={index} initial={row.commitments} organisations={organisations} errors={errors} edit={edit} />
            </>
          );
        }}
      </RowList>
    </FormGroup>
  );
}

function Commitments({
  objectiveIndex,
  initial,
  organisations,
  errors,
  edit,
}: {
  objectiveIndex: number;
  initial: readonly Commitment[];
  organisations: OptionSource;
  errors: FieldErrors;
  edit: Edit;
}) {
  const rows = useRows(initial, () => ({ organisationId: "", description: "" }));
  return (
    <RowList
      rows={rows}
      edit={edit}
      field={OBJECTIVE_FIELDS.commitments}
      className="mt-3 rounded-md bg-slate-50 p-3"
      what={(index) => `l’engagement ${index + 1} de l’objectif ${objectiveIndex + 1}`}
      rowClassName="grid gap-3 sm:grid-cols-[1fr_2fr_auto] sm:items-end"
    >
      {(row, index) => {
        const { field } = catalogueInputs(COMMITMENT_FIELDS, row, errors, `objectives.${objectiveIndex}.commitments.${index}.`);
        return (
          <>
            {field("organisationId", { label: `Partenaire engagé ${index + 1}`, options: organisations })}
            {field("description")}
          </>
        );
      }}
    </RowList>
  );
}
