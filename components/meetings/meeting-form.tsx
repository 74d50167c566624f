"use client";

// Records a governance meeting, or edits one: its kind and date, the organisations that attended
// (rows added and removed with the keyboard, the focus following), the decisions and the minutes.
// A new meeting's form starts afresh once saved; the saved meeting shows in the list above it.
import { useState } from "react";
import { ActionForm } from "@/components/forms/action-form";
import { catalogueInputs, inputProps } from "@/components/forms/catalogue-field";
import { announce } from "@/components/forms/notices";
import { RowList } from "@/components/forms/row-list";
import { useActionForm } from "@/components/forms/use-action-form";
import { useRows } from "@/components/forms/use-rows";
import { useUnsavedChanges } from "@/components/forms/use-unsaved-changes";
import { Button } from "@/components/ui/button";
import { Combobox, type OptionSource } from "@/components/ui/combobox";
import { TextField } from "@/components/ui/text-field";
import type { ServerAction } from "@/lib/actions/server-action";
import type { FormValuesOf } from "@/lib/catalogue";
import { createMeetingSchema, MEETING_FIELDS, updateMeetingSchema } from "@/lib/meetings/schema";

export type MeetingFormValues = FormValuesOf<typeof MEETING_FIELDS> & {
  attendances: Array<{ organisationId: string; attendeeCount: string }>;
};

type Props = {
  action: ServerAction<null>;
  values: MeetingFormValues;
  organisations: OptionSource;
  /** contractId for a new meeting; meetingId and version for an edit. */
  hidden: Record<string, string>;
  onSaved?: () => void;
};

export function MeetingForm({ action, values, organisations, hidden, onSaved }: Props) {
  const creating = !("meetingId" in hidden);
  const attendances = useRows(values.attendances, () => ({ organisationId: "", attendeeCount: "" }));
  const form = useActionForm(action, {
    schema: creating ? createMeetingSchema : updateMeetingSchema,
    onSuccess: (saved) => {
      markSaved();
      if (!creating) return;
      announce({ message: saved.message ?? "La réunion est enregistrée." });
      onSaved?.();
    },
  });
  const { fieldErrors } = form;
  const { markSaved, edit } = useUnsavedChanges(form.formRef);
  const { field, fields } = catalogueInputs(MEETING_FIELDS, values, fieldErrors);
  return (
    <ActionForm form={form} hidden={hidden} className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">{fields("kind", "heldOn")}</div>
      {field("topic")}
      <RowList
        rows={attendances}
        edit={edit}
        field={MEETING_FIELDS.attendances}
        rowClassName="flex flex-col gap-2 sm:flex-row sm:items-end"
      >
        {(row, index) => {
          const input = inputProps(row, fieldErrors, `attendances.${index}.`);
          return (
            <>
              <div className="grow">
                <Combobox label={`Organisation ${index + 1}`} options={organisations} {...input("organisationId")} />
              </div>
              <div className="sm:w-40">
                <TextField label="Personnes présentes" inputMode="numeric" {...input("attendeeCount")} />
              </div>
            </>
          );
        }}
      </RowList>
      <div className="grid gap-4 sm:grid-cols-2">{fields("participantCount", "residentCount")}</div>
      {fields("decisions", "minutes")}
      <Button type="submit" disabled={form.pending}>
        {form.pending ? "Enregistrement…" : creating ? "Enregistrer la réunion" : "Enregistrer les modifications"}
      </Button>
    </ActionForm>
  );
}

/** The form of a new meeting, blank again once one is saved. */
export function NewMeetingForm(props: Omit<Props, "onSaved">) {
  const [round, setRound] = useState(0);
  return <MeetingForm key={round} {...props} onSaved={() => setRound((value) => value + 1)} />;
}
