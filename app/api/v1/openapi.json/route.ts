// The OpenAPI 3.1 description of the open data API, generated from its zod schemas.
import { json, openDataRoute, preflight } from "@/lib/open-data/http";
import { openApiDocument } from "@/lib/open-data/openapi";

export const dynamic = "force-dynamic";

// The same for every request of a process: built once.
let document: ReturnType<typeof openApiDocument> | undefined;

export const GET = openDataRoute(async () => json((document ??= openApiDocument())));

export const HEAD = GET;

export function OPTIONS(): Response {
  return preflight();
}
