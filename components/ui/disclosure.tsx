"use client";

// A <details> whose content is rendered the first time it opens: the forms a page rarely needs
// (editing an axis, an indicator's definition) cost no HTML until someone asks for them, and
// stay as typed when it is closed again.
import { useState, type ReactNode } from "react";

export function Disclosure({ summary, className, children }: { summary: ReactNode; className?: string; children: ReactNode }) {
  const [opened, setOpened] = useState(false);
  return (
    <details className={className} onToggle={(event) => event.currentTarget.open && setOpened(true)}>
      <summary className="cursor-pointer font-medium text-brand-800">{summary}</summary>
      {opened ? children : null}
    </details>
  );
}
