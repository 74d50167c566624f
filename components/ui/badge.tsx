import type { ReactNode } from "react";

// Their styles are app/globals.css's .badge-* classes.
const TONES = { neutral: "badge-neutral", brand: "badge-brand", success: "badge-success", warning: "badge-warning" } as const;

export type BadgeTone = keyof typeof TONES;

export function Badge({ tone = "neutral", children }: { tone?: BadgeTone; children: ReactNode }) {
  return <span className={`badge ${TONES[tone]}`}>{children}</span>;
}
