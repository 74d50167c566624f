// A form that submits outside the action pipeline (next-auth's sign-in calls): its error, when
// it has one, is an alert above the fields that also describes the form for screen readers.
import type { FormEvent, ReactNode } from "react";
import { Alert } from "@/components/ui/alert";

export function AlertForm({
  errorId,
  error,
  onSubmit,
  children,
}: {
  errorId: string;
  error?: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}) {
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-5" aria-describedby={error ? errorId : undefined}>
      {error ? (
        <div id={errorId}>
          <Alert>{error}</Alert>
        </div>
      ) : null}
      {children}
    </form>
  );
}
