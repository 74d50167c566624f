"use client";

// The fiche action editor: every field of a fiche, its partners, schedule, budget and its
// operational objectives with the partners' commitments, saved as one unit. Each part is a
// section component; this one holds the submission, its messages and the save bar.
import type { OptionSource } from "@/components/ui/combobox";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { announce, announceAfterReload } from "@/components/forms/notices";
import { formDataOf, useActionForm } from "@/components/forms/use-action-form";
import { useUnsavedChanges } from "@/components/forms/use-unsaved-changes";
import { Button } from "@/components/ui/button";
import { SaveBar } from "@/components/ui/save-bar";
import type { ServerAction } from "@/lib/actions/server-action";
import type { FicheFormValues } from "@/lib/fiches/queries";
import { ficheFieldsSchema } from "@/lib/fiches/schema";
import { formatCount, selectPlural } from "@/lib/format";
import { BudgetSection } from "./fiche-budget-section";
import { ContentSection, GeneralSection, LinksSection } from "./fiche-general-sections";
import { ObjectivesSection } from "./fiche-objectives-section";
import { PilotSection } from "./fiche-pilot-section";
import { ScheduleSection } from "./fiche-schedule-section";
import type { FicheChoices, SectionProps } from "./fiche-section";

type Trashed = { id: string; title: string };

export function FicheForm({
  action,
  values,
  hidden,
  choices,
  organisations,
  canRestructure,
  afterCreate,
  restore,
  readOnly = false,
}: {
  action: ServerAction<{ ficheId: string }>;
  values: FicheFormValues;
  hidden: Record<string, string>;
  choices: FicheChoices;
  organisations: OptionSource;
  /** Axis, number and pilot account are the coordinator's to change. */
  canRestructure: boolean;
  afterCreate?: string;
  /** The trash's restore action: "Annuler" after saving without an objective that was saved. */
  restore?: ServerAction<null>;
  /** Shown, not edited: a fiche a signed amendment closed (the page says why). */
  readOnly?: boolean;
}) {
  const router = useRouter();
  // Saved objectives removed since the last save: the save puts them in the trash.
  const trashed = useRef<Trashed[]>([]);
  // Bumped after each save: the sections start again from the saved values (an objective
  // added by this save gets its id, so the next save keeps it instead of adding it again).
  const [saved, setSaved] = useState(0);
  // The field that had the focus (Enter pressed in a field submits) gets it back once remounted.
  const refocus = useRef<string | null>(null);
  const form = useActionForm(action, {
    schema: ficheFieldsSchema,
    onSuccess: (result) => {
      markSaved();
      if (afterCreate) {
        const path = `${afterCreate}/${result.data.ficheId}`;
        announce({ message: result.message ?? "La fiche action est créée.", path });
        return router.push(path);
      }
      const focused = document.activeElement;
      refocus.current = focused instanceof HTMLInputElement && formRef.current?.contains(focused) ? focused.name || null : null;
      setSaved((count) => count + 1);
      if (trashed.current.length) offerUndo(trashed.current.splice(0));
    },
  });
  const { formRef, pending, fieldErrors: errors } = form;
  const { markSaved, edit, discard } = useUnsavedChanges(formRef);
  // What every section receives.
  const section: SectionProps = { values, errors, edit };

  useEffect(() => {
    const name = refocus.current;
    refocus.current = null;
    if (name) formRef.current?.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]:not([type=hidden])`)?.focus();
  }, [saved, formRef]);

  function offerUndo(objectives: Trashed[]) {
    if (!restore) return;
    const [first] = objectives;
    announce({
      message: selectPlural(objectives.length, {
        one: `L’objectif «\u00a0${first.title}\u00a0» est dans la corbeille pour 30\u00a0jours.`,
        other: `${formatCount(objectives.length, "objectif est", "objectifs sont")} dans la corbeille pour 30\u00a0jours.`,
      }),
      undo: async () => {
        for (const objective of objectives) {
          const restored = await restore(null, formDataOf({ kind: "objective", id: objective.id }));
          if (!restored.ok) return announce({ message: restored.message, tone: "error" });
        }
        // The form holds its rows since it was loaded: the page is loaded again with them back.
        announceAfterReload({
          message: selectPlural(objectives.length, {
            one: `L’objectif «\u00a0${first.title}\u00a0» est restauré.`,
            other: `${formatCount(objectives.length, "objectif est restauré", "objectifs sont restaurés")}.`,
          }),
        });
        window.location.reload();
      },
    });
  }

  return (
    <ActionForm form={form} hidden={hidden} className="space-y-6" onDiscard={discard}>
      <fieldset key={saved} disabled={readOnly} className="min-w-0 space-y-6">
        <GeneralSection {...section} choices={choices} canRestructure={canRestructure} />
        <ContentSection {...section} />
        <PilotSection {...section} choices={choices} organisations={organisations} canRestructure={canRestructure} />
        <ScheduleSection {...section} />
        <BudgetSection {...section} organisations={organisations} />
        <LinksSection {...section} choices={choices} />
        <ObjectivesSection {...section} organisations={organisations} onTrash={(objective) => trashed.current.push(objective)} />
      </fieldset>
      {readOnly ? null : (
        <SaveBar>
          <Button type="submit" disabled={pending}>
            {pending ? "Enregistrement…" : afterCreate ? "Créer la fiche" : "Enregistrer la fiche"}
          </Button>
        </SaveBar>
      )}
    </ActionForm>
  );
}
