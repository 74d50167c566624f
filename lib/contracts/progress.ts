// Progress roll-up: objectives → fiche → axis → contract. A fiche with operational objectives
// takes their average; without, its own progress. Averages are weighted when weights are set
// (a missing weight counts as 1). Abandoned items do not count, nor fiches a signed amendment
// closed: they have left the plan, and stay listed only as its history.

type Weighted = { progress: number; weight: number | null; status?: string };

export function weightedProgress(items: readonly Weighted[]): number | null {
  const counted = items.filter((item) => item.status !== "abandoned");
  const total = counted.reduce((sum, item) => sum + (item.weight ?? 1), 0);
  if (!counted.length || total === 0) return null;
  return Math.round(counted.reduce((sum, item) => sum + item.progress * (item.weight ?? 1), 0) / total);
}

export function ficheProgress(fiche: Weighted & { objectives: readonly Weighted[] }): number {
  return weightedProgress(fiche.objectives) ?? fiche.progress;
}

/** A fiche as roll-ups read it; `closedOn`, the day a signed amendment closed it (lib/amendments). */
export type RolledUpFiche = Weighted & { objectives: readonly Weighted[]; closedOn?: Date | string | null };

export type AxisWithFiches = { fiches: ReadonlyArray<RolledUpFiche> };

/** Whether the fiche is still in the contract's plan: one a signed amendment closed counts in no roll-up. */
export const isInPlan = (fiche: { closedOn?: Date | string | null }) => !fiche.closedOn;

export function axisProgress(axis: AxisWithFiches): number | null {
  return weightedProgress(
    axis.fiches.filter(isInPlan).map((fiche) => ({ progress: ficheProgress(fiche), weight: fiche.weight, status: fiche.status })),
  );
}

/** The contract's progress: the plain average of its axes that hold fiches. */
export function contractProgress(axes: readonly AxisWithFiches[]): number | null {
  return weightedProgress(axes.map(axisProgress).flatMap((progress) => (progress === null ? [] : [{ progress, weight: null }])));
}
