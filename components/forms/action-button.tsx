"use client";

// One button that runs an action with fixed fields (move up, move down…), and says why if not.
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { ServerAction } from "@/lib/actions/server-action";
import { announce } from "./notices";
import { useActionForm } from "./use-action-form";

export function ActionButton<Output>({
  action,
  fields,
  label,
  children,
  disabled,
  announceSuccess,
}: {
  action: ServerAction<Output>;
  fields: Record<string, string>;
  label: string;
  children: ReactNode;
  disabled?: boolean;
  /** Confirm in the notice region, which takes the focus: for actions that take their row off the page (restore). */
  announceSuccess?: boolean;
}) {
  const { onSubmit, pending, error } = useActionForm(action, {
    onAnswer: (result) => (announceSuccess && result.ok && result.message ? announce({ message: result.message }) : undefined),
  });
  return (
    <form onSubmit={onSubmit} className="inline">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button
        type="submit"
        variant="secondary"
        className="px-3 py-1.5"
        disabled={disabled || pending}
        aria-label={label}
        title={error ?? label}
      >
        {children}
      </Button>
      {error ? (
        <span role="alert" className="ml-2 text-sm font-medium text-red-800">
          {error}
        </span>
      ) : null}
    </form>
  );
}
