"use client";

// A button for an action that cannot be undone: the first press asks, the second does it.
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ServerAction } from "@/lib/actions/server-action";
import { useActionForm } from "./use-action-form";

export function ConfirmActionButton<Output>({
  action,
  fields,
  label,
  question,
  confirmLabel,
  redirectTo,
}: {
  action: ServerAction<Output>;
  fields: Record<string, string>;
  /** Accessible name of the first button, e.g. "Retirer le rôle de camille@exemple.fr". */
  label: string;
  question: string;
  confirmLabel: string;
  /** Where to go once done, when the record leaves the page (deleted). */
  redirectTo?: string;
}) {
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const router = useRouter();
  const { formRef, onSubmit, pending, error } = useActionForm(action, {
    onSuccess: () => (redirectTo ? router.push(redirectTo) : undefined),
  });

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
          <Button ref={confirmRef} type="submit" variant="danger" disabled={pending}>
            {pending ? "En cours…" : confirmLabel}
          </Button>
          <Button variant="secondary" onClick={() => setAsking(false)}>
            Annuler
          </Button>
        </div>
      ) : (
        <Button variant="secondary" onClick={() => setAsking(true)} aria-label={label}>
          {confirmLabel}
        </Button>
      )}
    </form>
  );
}
