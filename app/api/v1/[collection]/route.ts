// The open data API's collections: /api/v1/<collection> (a JSON page), <collection>.csv (the
// whole collection as a file) and <collection>.schema.json (the file's Table Schema).
import { collectionCsv, collectionPage, json, openDataRoute, preflight, readCollectionSegment } from "@/lib/open-data/http";
import { tableSchema } from "@/lib/open-data/table-schema";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ collection: string }> };

export const GET = openDataRoute(async (request: Request, { params }: Context) => {
  const { name, format } = readCollectionSegment((await params).collection);
  if (format === "csv") return collectionCsv(request, name);
  if (format === "schema") return json(tableSchema(name));
  return collectionPage(request, name);
});

export const HEAD = GET;

export function OPTIONS(): Response {
  return preflight();
}
