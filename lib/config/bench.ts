// `npm run bench` (tests/bench/run.ts) starts the production server with OPENCLS_BENCH=1, which
// adds what it measures against: an empty dynamic page and a count of SQL statements. Both
// answer 404 in any other run.
export const BENCH_STATEMENTS_PATH = "/__bench/statements";

export function benchEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.OPENCLS_BENCH === "1";
}
