// One measurement of the bench: a page and the empty page under `connections` concurrent
// clients, in alternating rounds after a warm-up of each; its HTML size and SQL statements come
// from one request on a quiet server.
import autocannon from "autocannon";
import { fetchRendered } from "../support/public-pages";
import type { BenchPage } from "./pages";

export type Measurement = {
  page: BenchPage;
  connections: number;
  requestsPerSecond: number;
  p50: number;
  p95: number;
  p99: number;
  /** Responses other than 2xx, connection errors and timeouts (10 s). */
  errors: number;
  htmlBytes: number;
  statements: number;
};

/** A page's measurement with the empty page's, taken in the rounds between its own. */
export type PairedMeasurement = Measurement & { baseline: Measurement };

type Options = {
  base: string;
  connections: number;
  /** Load per page, over every round. */
  seconds: number;
  rounds: number;
  statementsPath: string;
  /** For dropping the kept public pages before counting a render's statements. */
  databaseUrl: string;
};

type Load = { page: BenchPage; cookie: string | undefined };

/**
 * The page and the empty page take turns, `rounds` times each: a shared machine's pace drifts by
 * a factor of two within minutes (its other tenants, the server's own warm-up), and a baseline
 * measured in one block before the page would carry that drift into the ratio.
 */
export async function measurePaired(options: Options, target: Load, empty: Load): Promise<PairedMeasurement> {
  const [targetShape, emptyShape] = [await inspect(options, target), await inspect(options, empty)];
  const warmUp = Math.min(3, options.seconds);
  for (const load of [empty, target]) await cannon(options, load, warmUp);
  const [targetRuns, emptyRuns]: Run[][] = [[], []];
  const roundSeconds = Math.max(1, Math.round(options.seconds / options.rounds));
  for (let round = 0; round < options.rounds; round++) {
    emptyRuns.push(await cannon(options, empty, roundSeconds));
    targetRuns.push(await cannon(options, target, roundSeconds));
  }
  const seconds = roundSeconds * options.rounds;
  return {
    ...summarize(target.page, options.connections, seconds, targetRuns, targetShape),
    baseline: summarize(empty.page, options.connections, seconds, emptyRuns, emptyShape),
  };
}

type Shape = { htmlBytes: number; statements: number };

/** The page's size and SQL statements, from one request once the server is quiet. */
async function inspect({ base, statementsPath, databaseUrl }: Options, { page, cookie }: Load): Promise<Shape> {
  const statements = async () => ((await (await fetch(`${base}${statementsPath}`)).json()) as { statements: number }).statements;
  // Requests of the previous measurement may still be running: wait until the server is quiet.
  let before = await statements();
  for (let quiet = 0; quiet < 4;) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = await statements();
    quiet = now === before ? quiet + 1 : 0;
    before = now;
  }
  // A render's statements, even for a page the server keeps.
  const response = await fetchRendered(databaseUrl, `${base}${page.path}`, { headers: headersOf(cookie), redirect: "manual" });
  const html = await response.arrayBuffer();
  const after = await statements();
  if (response.status !== 200) throw new Error(`${page.path} answered ${response.status}, not 200`);
  return { htmlBytes: html.byteLength, statements: after - before };
}

type Run = { requests: number; errors: number; times: number[] };

function summarize(page: BenchPage, connections: number, seconds: number, runs: Run[], shape: Shape): Measurement {
  const times = runs.flatMap((run) => run.times).sort((a, b) => a - b);
  const percentile = (p: number) => (times.length ? times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] : Number.NaN);
  return {
    page,
    connections,
    requestsPerSecond: runs.reduce((sum, run) => sum + run.requests, 0) / seconds,
    p50: percentile(50),
    p95: percentile(95),
    p99: percentile(99),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    ...shape,
  };
}

export const headersOf = (cookie: string | undefined): Record<string, string> => (cookie ? { cookie } : {});

function cannon({ base, connections }: Options, { page, cookie }: Load, seconds: number): Promise<Run> {
  const times: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: `${base}${page.path}`, connections, duration: seconds, headers: headersOf(cookie), timeout: 10 },
      // autocannon's errors include its timeouts.
      (error, result) =>
        error ? reject(error) : resolve({ requests: result.requests.total, errors: result.non2xx + result.errors, times }),
    );
    instance.on("response", (_client, _status, _bytes, time) => times.push(time));
  });
}
