import { ConfirmActionButton } from "@/components/forms/confirm-action-button";
import type { ServerAction } from "@/lib/actions/server-action";

/** Withdraws a pending invitation, after asking. */
export function RevokeInvitationButton({
  action,
  invitation,
}: {
  action: ServerAction<null>;
  invitation: { id: string; version: number; email: string };
}) {
  return (
    <ConfirmActionButton
      action={action}
      fields={{ invitationId: invitation.id, version: String(invitation.version) }}
      label={`Retirer l’invitation de ${invitation.email}`}
      question={`Retirer l’invitation de ${invitation.email}\u00a0?`}
      confirmLabel="Retirer"
    />
  );
}
