// Issue 11's targets on the national dataset, 2 cores, as ratios to the empty page measured in
// the same run (absolute times vary between machines).
import type { Measurement } from "./measure";
import { EMPTY_PAGE } from "./pages";

export const TARGETS = {
  publicThroughput: 0.5,
  publicP95: 2,
  workspaceThroughput: 0.25,
  maxHtmlKiB: 300,
  description:
    "pages publiques ≥ 0,5 du débit de la page vide et p95 ≤ 2 fois le sien à 50 connexions\u00a0; pages de l’espace ≥ 0,25\u00a0; aucune page au-delà de 300 Ko de HTML\u00a0; aucune erreur.",
};

/** The targets a run misses, in French, one line each. */
export function verdicts(results: Measurement[]): string[] {
  const empty = new Map(results.filter((result) => result.page.name === EMPTY_PAGE).map((result) => [result.connections, result]));
  return results.flatMap((result) => {
    const baseline = empty.get(result.connections)!;
    const name = `${result.page.name} (${result.connections} connexions)`;
    const ratio = result.requestsPerSecond / baseline.requestsPerSecond;
    const failures: string[] = [];
    const minimum = result.page.public ? TARGETS.publicThroughput : TARGETS.workspaceThroughput;
    if (ratio < minimum) failures.push(`${name}\u00a0: débit ${ratio.toFixed(2)} de la page vide, cible ${minimum}`);
    if (result.page.public && result.connections === 50 && result.p95 > TARGETS.publicP95 * baseline.p95)
      failures.push(`${name}\u00a0: p95 ${(result.p95 / baseline.p95).toFixed(2)} fois celui de la page vide, cible ${TARGETS.publicP95}`);
    if (result.htmlBytes > TARGETS.maxHtmlKiB * 1024)
      failures.push(`${name}\u00a0: ${Math.round(result.htmlBytes / 1024)} Ko de HTML, cible ${TARGETS.maxHtmlKiB}`);
    if (result.errors) failures.push(`${name}\u00a0: ${result.errors} erreurs ou délais dépassés`);
    return failures;
  });
}
