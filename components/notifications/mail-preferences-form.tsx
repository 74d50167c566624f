"use client";

// Which e-mails the user accepts: the daily reminders and the weekly digest.
import { ActionForm } from "@/components/forms/action-form";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import type { ServerAction } from "@/lib/actions/server-action";
import { MAIL_PREFERENCE_LABELS, updateMailPreferencesSchema } from "@/lib/notifications/schema";

export function MailPreferencesForm({
  action,
  preferences,
}: {
  action: ServerAction<null>;
  preferences: { userId: string; version: number; dailyReminders: boolean; weeklyDigest: boolean };
}) {
  const form = useActionForm(action, { schema: updateMailPreferencesSchema });
  return (
    <ActionForm form={form} hidden={{ userId: preferences.userId, version: preferences.version }} className="space-y-4">
      <fieldset className="space-y-3">
        <legend className="font-semibold text-slate-900">Recevoir par e-mail</legend>
        {(["dailyReminders", "weeklyDigest"] as const).map((name) => (
          <Checkbox key={name} name={name} value="on" defaultChecked={preferences[name]} {...MAIL_PREFERENCE_LABELS[name]} />
        ))}
      </fieldset>
      <Button type="submit" disabled={form.pending}>
        {form.pending ? "Enregistrement…" : "Enregistrer mes préférences"}
      </Button>
    </ActionForm>
  );
}
