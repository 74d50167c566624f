import type { ReactNode } from "react";
import { Button } from "./button";

/** A list's filters or search: a GET form, so that what it selects lives in the URL (shareable, back button). */
export function FilterForm({ action, submitLabel, children }: { action: string; submitLabel: string; children: ReactNode }) {
  return (
    <form method="get" action={action} className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end">
      {children}
      <Button type="submit" variant="secondary" className="self-start sm:self-auto">
        {submitLabel}
      </Button>
    </form>
  );
}
