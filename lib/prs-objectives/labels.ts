// How a PRS objective reads wherever it is shown: forms, history, exports, public pages.

export type PrsObjectiveName = { code: string | null; label: string };

/** "2.3 – Prévenir la perte d’autonomie", or the label alone when the objective has no code. */
export function prsObjectiveName(objective: PrsObjectiveName | null): string | null {
  if (!objective) return null;
  return objective.code ? `${objective.code} – ${objective.label}` : objective.label;
}

/** The PRS's order: by code, numerically ("1.2" before "1.10"), then the uncoded ones by label. */
export function byPrsOrder(a: PrsObjectiveName, b: PrsObjectiveName): number {
  if (a.code && b.code) return a.code.localeCompare(b.code, "fr", { numeric: true });
  if (a.code || b.code) return a.code ? -1 : 1;
  return a.label.localeCompare(b.label, "fr");
}
