import { onQuery } from "@/lib/db/client";

/** Runs `work` and returns the SQL statements the app's client sent meanwhile. */
export async function countQueries<T>(work: () => Promise<T>): Promise<{ result: T; queries: string[] }> {
  const queries: string[] = [];
  const stop = onQuery((sql) => queries.push(sql));
  try {
    return { result: await work(), queries };
  } finally {
    stop();
  }
}
