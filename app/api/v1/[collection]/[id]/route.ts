// One record of an open data collection by its key: /api/v1/fiches/<id>, /api/v1/territories/<slug>…
import { json, notFound, openDataRoute, preflight, readCollectionSegment } from "@/lib/open-data/http";
import { findOpenDataItem } from "@/lib/open-data/queries";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ collection: string; id: string }> };

export const GET = openDataRoute(async (request: Request, { params }: Context) => {
  const { collection, id } = await params;
  const { name, format } = readCollectionSegment(collection);
  const item = format === "json" ? await findOpenDataItem(name, id) : null;
  if (!item) throw notFound();
  return json({ data: item });
});

export const HEAD = GET;

export function OPTIONS(): Response {
  return preflight();
}
