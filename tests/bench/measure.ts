// One measurement of the bench: a page under `connections` concurrent clients for `seconds`,
// after a warm-up; its HTML size and SQL statements come from one request on a quiet server.
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

type Options = {
  base: string;
  page: BenchPage;
  connections: number;
  seconds: number;
  cookie: string | undefined;
  statementsPath: string;
  /** For dropping the kept public pages before counting a render's statements. */
  databaseUrl: string;
};

export async function measure({ base, page, connections, seconds, cookie, statementsPath, databaseUrl }: Options): Promise<Measurement> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
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
  const response = await fetchRendered(databaseUrl, `${base}${page.path}`, { headers, redirect: "manual" });
  const html = await response.arrayBuffer();
  const after = await statements();
  if (response.status !== 200) throw new Error(`${page.path} answered ${response.status}, not 200`);

  // Warm-up: a few seconds at the same concurrency, not counted.
  await cannon({ url: `${base}${page.path}`, connections, duration: Math.min(3, seconds), headers });
  const times: number[] = [];
  const result = await cannon({ url: `${base}${page.path}`, connections, duration: seconds, headers }, (time) => times.push(time));
  times.sort((a, b) => a - b);
  const percentile = (p: number) => (times.length ? times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] : Number.NaN);
  return {
    page,
    connections,
    requestsPerSecond: result.requests.total / seconds,
    p50: percentile(50),
    p95: percentile(95),
    p99: percentile(99),
    // autocannon's errors include its timeouts.
    errors: result.non2xx + result.errors,
    htmlBytes: html.byteLength,
    statements: after - before,
  };
}

/** A page's measurement with the empty page's, taken just before it at the same concurrency. */
export type PairedMeasurement = Measurement & { baseline: Measurement };

function cannon(options: autocannon.Options, onResponse?: (milliseconds: number) => void): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon({ ...options, timeout: 10 }, (error, result) => (error ? reject(error) : resolve(result)));
    if (onResponse) instance.on("response", (_client, _status, _bytes, time) => onResponse(time));
  });
}
