// OpenCLS's HTTP server: Next.js behind a thin node:http layer that decides, once per request,
// what the app may believe about its origin (lib/http/trusted-proxies.ts), serves public pages
// from their cache in production (lib/public-pages), bounds how many requests render at once
// (./render-limit.ts), and runs the background job worker.
import { createServer } from "node:http";
import next from "next";
import { benchEnabled, BENCH_STATEMENTS_PATH } from "@/lib/config/bench";
import { disconnectDb, onQuery } from "@/lib/db/client";
import { applyTrustedProxies } from "@/lib/http/client-address";
import { maxConcurrentRenders, trustedProxyCount } from "@/lib/http/config";
import { listenForInvalidations } from "@/lib/public-pages/invalidation";
import { stopQueue } from "@/lib/jobs/queue";
import { startWorker, workerEnabled } from "@/lib/jobs/worker";
import { answerFromPublicPages } from "./public-page-responses";
import { createRenderLimit } from "./render-limit";

function isDecodablePath(url: string | undefined): boolean {
  try {
    decodeURIComponent((url ?? "/").split("?")[0]);
    return true;
  } catch {
    return false;
  }
}

/** A CSV file of the open data API (lib/open-data/csv.ts). */
const isOpenDataFile = (url: string | undefined) => /^\/api\/v1\/[a-z-]+\.csv(\?|$)/.test(url ?? "");

/** How many SQL statements the app has sent since it started (for `npm run bench` only). */
function statementCounter(): () => { statements: number } {
  let statements = 0;
  onQuery(() => statements++);
  return () => ({ statements });
}

export async function serve({ dev, port }: { dev: boolean; port: number }): Promise<void> {
  const trustedProxies = trustedProxyCount();
  const renderLimit = createRenderLimit(maxConcurrentRenders());
  const app = next({ dev, dir: process.cwd(), port, hostname: "localhost" });
  const handle = app.getRequestHandler();
  await app.prepare();

  const countStatements = benchEnabled() ? statementCounter() : undefined;
  // Development renders every page, so that an edited component shows at once.
  const databaseUrl = process.env.DATABASE_URL;
  const invalidations = !dev && databaseUrl ? listenForInvalidations(databaseUrl) : undefined;
  const server = createServer((request, response) => {
    if (countStatements && request.url === BENCH_STATEMENTS_PATH) {
      response.writeHead(200, { "Content-Type": "application/json", "Cache-Control": "no-store" }).end(JSON.stringify(countStatements()));
      return;
    }
    // Next.js's router throws (an HTTP 500) on a path it cannot decode, before any code of ours.
    if (!isDecodablePath(request.url)) {
      response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" }).end("Page introuvable.");
      return;
    }
    applyTrustedProxies(request.headers, request.socket.remoteAddress, trustedProxies);
    // Kept public pages (below) and built files answer at once; everything else takes its turn.
    // An open data CSV file streams for as long as its reader takes, page by page: it would hold
    // a turn all that time, so it goes straight through (each page it reads is a short query).
    const render =
      request.url?.startsWith("/_next/static/") || isOpenDataFile(request.url)
        ? () => void handle(request, response)
        : () => renderLimit.admit(response, () => void handle(request, response));
    if (!invalidations) return render();
    answerFromPublicPages(request, response, render).then(
      (answered) => answered || render(),
      (error: unknown) => {
        console.error("opencls: the public page cache failed, rendering instead:", error);
        if (!response.headersSent) render();
      },
    );
  });
  // Hot reload's websocket in development.
  const upgrade = app.getUpgradeHandler();
  server.on("upgrade", (request, socket, head) => {
    applyTrustedProxies(request.headers, request.socket.remoteAddress, trustedProxies);
    void upgrade(request, socket, head);
  });
  await new Promise<void>((resolve) => server.listen(port, resolve));
  console.log(`opencls: ready on http://localhost:${port}`);

  if (workerEnabled()) {
    await startWorker().catch((error: unknown) => console.error("opencls: the job worker did not start:", error));
  }

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    server.close();
    server.closeAllConnections();
    // Running jobs get a few seconds to finish (pg-boss retries any that do not); then the
    // process exits whatever is still pending, so that `npm start` can stop the database.
    const settled = Promise.allSettled([stopQueue(), app.close(), disconnectDb(), invalidations?.stop()]);
    await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}
