"use client";

// A button for an action with consequences: the first press asks, the second does it. What was
// done is confirmed in the notice region (components/forms/notices.tsx), with "Annuler" when the
// action can be undone (a record moved to the trash comes back through the restore action).
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ServerAction } from "@/lib/actions/server-action";
import { announce } from "./notices";
import { formDataOf, useActionForm } from "./use-action-form";

export type Undo = {
  action: ServerAction<null>;
  fields: Record<string, string>;
  /** Where the record is once restored, when the action left its page. */
  returnTo?: string;
};

export function ConfirmActionButton<Output>({
  action,
  fields,
  label,
  question,
  confirmLabel,
  redirectTo,
  undo,
  confirmVariant = "danger",
}: {
  action: ServerAction<Output>;
  fields: Record<string, string>;
  /** Accessible name of the first button; it contains `confirmLabel`, its visible text (WCAG 2.5.3), e.g. "Retirer le rôle de camille@exemple.fr". */
  label: string;
  question: string;
  confirmLabel: string;
  /** Where to go once done, when the record leaves the page (deleted). */
  redirectTo?: string;
  undo?: Undo;
  /** The confirming button's look: red for what removes or cannot be taken back, primary for what adds (a publication). */
  confirmVariant?: "danger" | "primary";
}) {
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const router = useRouter();
  const { formRef, onSubmit, pending, error } = useActionForm(action, {
    // Announced before the refreshed page takes this button away with its record.
    onAnswer: (result) => {
      if (!result.ok) return;
      announce({ message: result.message ?? "C’est fait.", path: redirectTo, undo: undo ? () => restore(undo) : undefined });
    },
    onSuccess: () => (redirectTo ? router.push(redirectTo) : undefined),
  });

  async function restore({ action: restoreAction, fields: restoreFields, returnTo }: Undo) {
    const restored = await restoreAction(null, formDataOf(restoreFields));
    if (!restored.ok) return announce({ message: restored.message, tone: "error" });
    announce({ message: restored.message ?? "C’est annulé.", path: returnTo });
    if (returnTo) router.push(returnTo);
  }

  useEffect(() => {
    if (asking) confirmRef.current?.focus();
  }, [asking]);

  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {error ? <Alert>{error}</Alert> : null}
      {asking ? (
        <div className="flex flex-wrap items-center gap-2" role="group" aria-label={question}>
          <span className="text-sm font-medium text-slate-900">{question}</span>
          <Button ref={confirmRef} type="submit" variant={confirmVariant} disabled={pending}>
            {pending ? "En cours…" : confirmLabel}
          </Button>
          <Button
            variant="secondary"
            onClick={() => {
              setAsking(false);
              // Back on the button that asked, which renders again.
              setTimeout(() => triggerRef.current?.focus());
            }}
          >
            Annuler
          </Button>
        </div>
      ) : (
        <Button ref={triggerRef} variant="secondary" onClick={() => setAsking(true)} aria-label={label}>
          {confirmLabel}
        </Button>
      )}
    </form>
  );
}
