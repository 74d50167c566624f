// Serves public pages from lib/public-pages/cache.ts, and keeps what Next.js renders for them.
import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import { createNonce } from "@/lib/http/content-security-policy";
import { currentGeneration, findPage, keepPage, nonceOf, publicPageKey, withNonce, type CachedPage } from "@/lib/public-pages/cache";

const compress = promisify(gzip);

/** Says whether a response came from the cache ("hit") or was rendered and kept ("miss"). */
export const CACHE_STATUS_HEADER = "x-opencls-cache";

// Headers that belong to one connection or one response, not to the page.
const UNKEPT_HEADERS = new Set(["connection", "keep-alive", "transfer-encoding", "date", "content-length", CACHE_STATUS_HEADER]);

function acceptsGzip(request: IncomingMessage): boolean {
  return /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
}

/**
 * Answers the request from the cache when it can (returns true). Otherwise, when the request is
 * for a public page, lets `render` answer it and keeps the page it sends.
 */
export async function answerFromPublicPages(request: IncomingMessage, response: ServerResponse, render: () => void): Promise<boolean> {
  const key = publicPageKey(request);
  if (!key) return false;
  const page = findPage(key);
  if (page) {
    await send(request, response, page);
    return true;
  }
  keepRenderedPage(key, response);
  // Next.js would compress the page, and a compressed page cannot take another nonce: the
  // cache sends compressed copies itself.
  delete request.headers["accept-encoding"];
  render();
  return true;
}

async function send(request: IncomingMessage, response: ServerResponse, page: CachedPage): Promise<void> {
  const { headers, body } = withNonce(page, createNonce());
  const gzipped = acceptsGzip(request) ? await compress(body, { level: 4 }) : undefined;
  response.writeHead(200, {
    ...headers,
    [CACHE_STATUS_HEADER]: "hit",
    ...(gzipped ? { "content-encoding": "gzip" } : {}),
    "content-length": String(gzipped?.length ?? Buffer.byteLength(body)),
  });
  response.end(gzipped ?? body);
}

/** Collects what the response sends and keeps it when it is a whole, cookie-free HTML page. */
function keepRenderedPage(key: string, response: ServerResponse): void {
  const generation = currentGeneration();
  const renderBegan = new Date();
  const chunks: Buffer[] = [];
  const collect = (chunk: unknown, encoding?: unknown) => {
    if (typeof chunk === "string") chunks.push(Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8"));
    else if (chunk instanceof Uint8Array) chunks.push(Buffer.from(chunk));
  };
  const write = response.write.bind(response) as (...args: unknown[]) => boolean;
  const end = response.end.bind(response) as (...args: unknown[]) => ServerResponse;
  response.write = ((chunk: unknown, ...rest: unknown[]) => {
    collect(chunk, rest[0]);
    return write(chunk, ...rest);
  }) as ServerResponse["write"];
  response.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (typeof chunk !== "function") collect(chunk, rest[0]);
    return end(chunk, ...rest);
  }) as ServerResponse["end"];
  response.setHeader(CACHE_STATUS_HEADER, "miss");

  response.once("finish", () => {
    const headers = response.getHeaders();
    const nonce = nonceOf(headers["content-security-policy"]);
    const html = String(headers["content-type"] ?? "").startsWith("text/html");
    if (response.statusCode !== 200 || !nonce || !html || headers["set-cookie"] || headers["content-encoding"]) return;
    const kept: CachedPage["headers"] = {};
    for (const [name, value] of Object.entries(headers)) {
      if (value !== undefined && !UNKEPT_HEADERS.has(name)) kept[name] = Array.isArray(value) ? value : String(value);
    }
    keepPage(key, { headers: kept, body: Buffer.concat(chunks).toString("utf8"), nonce }, generation, renderBegan);
  });
}
