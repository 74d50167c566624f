"use client";

// The fiche form's operational objectives, each with the partners' commitments. A saved
// objective removed here goes to the trash when the fiche is saved: `onTrash` tells the form,
// which then offers to undo it.
import { useRows } from "@/components/forms/use-rows";
import { Button } from "@/components/ui/button";
import { Combobox } from "@/components/ui/combobox";
import { FormGroup } from "@/components/ui/form-group";
import { RowButtons } from "@/components/ui/row-buttons";
import { SelectField, type SelectOption } from "@/components/ui/select-field";
import { TextArea } from "@/components/ui/text-area";
import { TextField } from "@/components/ui/text-field";
import type { FieldErrors } from "@/lib/actions/result";
import type { FicheFormValues } from "@/lib/fiches/queries";
import { STATUS_OPTIONS } from "./fiche-general-sections";
import type { Edit, SectionProps } from "./fiche-section";

export function ObjectivesSection({
  values,
  errors,
  edit,
  organisations,
  onTrash,
}: SectionProps & { organisations: readonly SelectOption[]; onTrash: (objective: { id: string; title: string }) => void }) {
  const objectives = useRows(values.objectives, () => ({
    id: "",
    title: "",
    description: "",
    dueOn: "",
    status: "not_started",
    progress: "0",
    weight: "",
    commitments: [] as FicheFormValues["objectives"][number]["commitments"],
  }));
  return (
    <FormGroup
      legend="Objectifs opérationnels"
      description="Ce que les partenaires s’engagent à atteindre. L’avancement de la fiche est la moyenne de ses objectifs."
    >
      <ol id={objectives.listId} className="space-y-4">
        {objectives.rows.map(({ key, row }, index) => (
          <li key={key} data-row={key} className="rounded-md border border-slate-300 p-4">
            <input type="hidden" name={`objectives.${index}.id`} value={row.id} />
            <TextField
              label={`Objectif ${index + 1}`}
              name={`objectives.${index}.title`}
              defaultValue={row.title}
              error={errors[`objectives.${index}.title`]}
            />
            <div className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
              <TextField
                label="Échéance"
                name={`objectives.${index}.dueOn`}
                type="date"
                defaultValue={row.dueOn}
                error={errors[`objectives.${index}.dueOn`]}
              />
              <SelectField
                label="Statut"
                name={`objectives.${index}.status`}
                defaultValue={row.status}
                options={STATUS_OPTIONS}
                error={errors[`objectives.${index}.status`]}
              />
              <TextField
                label="Avancement (%)"
                name={`objectives.${index}.progress`}
                inputMode="numeric"
                defaultValue={row.progress}
                error={errors[`objectives.${index}.progress`]}
              />
              <TextField
                label="Poids"
                name={`objectives.${index}.weight`}
                inputMode="numeric"
                defaultValue={row.weight}
                error={errors[`objectives.${index}.weight`]}
              />
            </div>
            <div className="mt-3">
              <TextArea
                label="Précisions"
                name={`objectives.${index}.description`}
                rows={2}
                defaultValue={row.description}
                error={errors[`objectives.${index}.description`]}
              />
            </div>
            <Commitments objectiveIndex={index} initial={row.commitments} organisations={organisations} errors={errors} edit={edit} />
            <div className="mt-3">
              <RowButtons
                index={index}
                count={objectives.rows.length}
                what={`l’objectif ${index + 1}`}
                onMove={edit((offset) => objectives.move(key, offset))}
                onRemove={edit(() => {
                  // An objective already saved goes to the trash on save: ask first.
                  if (
                    !row.id ||
                    window.confirm(
                      "Retirer cet objectif\u00a0? Il ira à la corbeille à l’enregistrement, restaurable pendant 30\u00a0jours.",
                    )
                  ) {
                    objectives.remove(key);
                    if (row.id) onTrash({ id: row.id, title: row.title });
                  }
                })}
              />
            </div>
          </li>
        ))}
      </ol>
      <Button variant="secondary" data-adds-to={objectives.listId} onClick={edit(objectives.add)}>
        Ajouter un objectif
      </Button>
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
  initial: FicheFormValues["objectives"][number]["commitments"];
  organisations: readonly SelectOption[];
  errors: FieldErrors;
  edit: Edit;
}) {
  const rows = useRows(initial, () => ({ organisationId: "", description: "" }));
  const prefix = `objectives.${objectiveIndex}.commitments`;
  return (
    <div className="mt-3 rounded-md bg-slate-50 p-3">
      <p className="font-medium text-slate-900">Engagements des partenaires</p>
      <ol id={rows.listId} className="mt-2 space-y-3">
        {rows.rows.map(({ key, row }, index) => (
          <li key={key} data-row={key} className="grid gap-3 sm:grid-cols-[1fr_2fr_auto] sm:items-end">
            <Combobox
              label={`Partenaire engagé ${index + 1}`}
              name={`${prefix}.${index}.organisationId`}
              options={organisations}
              defaultValue={row.organisationId}
              error={errors[`${prefix}.${index}.organisationId`]}
            />
            <TextField
              label="Engagement"
              name={`${prefix}.${index}.description`}
              defaultValue={row.description}
              error={errors[`${prefix}.${index}.description`]}
            />
            <RowButtons
              index={index}
              count={rows.rows.length}
              what={`l’engagement ${index + 1} de l’objectif ${objectiveIndex + 1}`}
              onMove={edit((offset) => rows.move(key, offset))}
              onRemove={edit(() => rows.remove(key))}
            />
          </li>
        ))}
      </ol>
      <Button variant="secondary" className="mt-3" data-adds-to={rows.listId} onClick={edit(rows.add)}>
        Ajouter un engagement
      </Button>
    </div>
  );
}
