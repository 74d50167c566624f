// Issue 11's targets on the national dataset, 2 cores, as ratios to the empty page measured just
// before each page (absolute times vary between machines, and a shared machine's pace drifts).
import type { PairedMeasurement } from "./measure";

export const TARGETS = {
  publicThroughput: 0.5,
  publicP95: 2,
  /** Issue 15: a search's p95 at most this many times the empty page's, at 10 connections. */
  searchP95: 3,
  workspaceThroughput: 0.25,
  maxHtmlKiB: 300,
  description:
    "public pages at least 0.5 of the empty page's throughput and a p95 at most twice its own at 50 connections; searches a p95 at most three times the empty page's at 10 connections; workspace pages at least 0.25; no page over 300 KiB of HTML; no error.",
};

/** The targets a run misses, one line each. */
export function verdicts(results: PairedMeasurement[]): string[] {
  return results.flatMap(({ baseline, ...result }) => {
    const name = `${result.page.name} (${result.connections} connections)`;
    const ratio = result.requestsPerSecond / baseline.requestsPerSecond;
    const failures: string[] = [];
    if (result.page.search) {
      if (result.connections === 10 && result.p95 > TARGETS.searchP95 * baseline.p95)
        failures.push(`${name}: p95 ${(result.p95 / baseline.p95).toFixed(2)} times the empty page's, target ${TARGETS.searchP95}`);
    } else {
      const minimum = result.page.public ? TARGETS.publicThroughput : TARGETS.workspaceThroughput;
      if (ratio < minimum) failures.push(`${name}: throughput ${ratio.toFixed(2)} of the empty page's, target ${minimum}`);
    }
    if (result.page.public && !result.page.search && result.connections === 50 && result.p95 > TARGETS.publicP95 * baseline.p95)
      failures.push(`${name}: p95 ${(result.p95 / baseline.p95).toFixed(2)} times the empty page's, target ${TARGETS.publicP95}`);
    if (result.htmlBytes > TARGETS.maxHtmlKiB * 1024)
      failures.push(`${name}: ${Math.round(result.htmlBytes / 1024)} KiB of HTML, target ${TARGETS.maxHtmlKiB}`);
    if (result.errors) failures.push(`${name}: ${result.errors} errors or timeouts`);
    return failures;
  });
}
