// Requests that must reach the renderer even for a public page the app keeps in its cache:
// the bench and the query-count test count the SQL statements of a page's render.
import pg from "pg";
import { INVALIDATION_CHANNEL } from "../../lib/public-pages/invalidation";
import { CACHE_STATUS_HEADER } from "../../lib/server/public-page-responses";

/** What a save does to every instance's kept public pages. */
export async function dropKeptPublicPages(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SELECT pg_notify($1, '')", [INVALIDATION_CHANNEL]);
  } finally {
    await client.end();
  }
}

/** Fetches a page rendered for this request: the instance's kept pages are dropped first. */
export async function fetchRendered(databaseUrl: string, url: string, init: RequestInit): Promise<Response> {
  for (let attempt = 0; attempt < 20; attempt++) {
    await dropKeptPublicPages(databaseUrl);
    // The notification reaches the server a moment after the statement returns.
    await new Promise((resolve) => setTimeout(resolve, 25 * (attempt + 1)));
    const response = await fetch(url, init);
    if (response.headers.get(CACHE_STATUS_HEADER) !== "hit") return response;
    await response.arrayBuffer();
  }
  throw new Error(`${url} still came from the cache after every invalidation`);
}
