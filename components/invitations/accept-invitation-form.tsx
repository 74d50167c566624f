"use client";

import { useRouter } from "next/navigation";
import { FormMessages } from "@/components/forms/form-messages";
import { useActionForm } from "@/components/forms/use-action-form";
import { Button } from "@/components/ui/button";
import type { ServerAction } from "@/lib/actions/server-action";

export function AcceptInvitationForm({
  action,
  token,
  landingPath,
}: {
  action: ServerAction<{ territoryId: string | null }>;
  token: string;
  landingPath: string;
}) {
  const router = useRouter();
  const { onSubmit, pending, fieldErrors, error } = useActionForm(action, { onSuccess: () => router.push(landingPath) });
  return (
    <form onSubmit={onSubmit} className="space-y-4">
      <FormMessages fieldErrors={fieldErrors} error={error} />
      <input type="hidden" name="token" value={token} />
      <Button type="submit" disabled={pending}>
        {pending ? "Acceptation…" : "Accepter l’invitation"}
      </Button>
    </form>
  );
}
