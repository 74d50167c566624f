// The open data API's entry point: its collections, their files and the OpenAPI document.
import { json, openDataRoute, preflight } from "@/lib/open-data/http";
import { openDataIndex } from "@/lib/open-data/openapi";

export const dynamic = "force-dynamic";

export const GET = openDataRoute(async () => json(openDataIndex()));

export const HEAD = GET;

export function OPTIONS(): Response {
  return preflight();
}
