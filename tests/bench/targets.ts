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
    "public pages at least 0.5 of the empty page's throughput and a p95 at most twice its own at 50 connections; workspace pages at least 0.25; no page over 300 KiB of HTML; no error.",
};

/** The targets a run misses, one line each. */
export function verdicts(results: Measurement[]): string[] {
  const empty = new Map(results.filter((result) => result.page.name === EMPTY_PAGE).map((result) => [result.connections, result]));
  return results.flatMap((result) => {
    const baseline = empty.get(result.connections)!;
    const name = `${result.page.name} (${result.connections} connections)`;
    const ratio = result.requestsPerSecond / baseline.requestsPerSecond;
    const failures: string[] = [];
    const minimum = result.page.public ? TARGETS.publicThroughput : TARGETS.workspaceThroughput;
    if (ratio < minimum) failures.push(`${name}: throughput ${ratio.toFixed(2)} of the empty page's, target ${minimum}`);
    if (result.page.public && result.connections === 50 && result.p95 > TARGETS.publicP95 * baseline.p95)
      failures.push(`${name}: p95 ${(result.p95 / baseline.p95).toFixed(2)} times the empty page's, target ${TARGETS.publicP95}`);
    if (result.htmlBytes > TARGETS.maxHtmlKiB * 1024)
      failures.push(`${name}: ${Math.round(result.htmlBytes / 1024)} KiB of HTML, target ${TARGETS.maxHtmlKiB}`);
    if (result.errors) failures.push(`${name}: ${result.errors} errors or timeouts`);
    return failures;
  });
}
