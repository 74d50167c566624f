// Route handlers that download a file of one workspace contract (its exports, the import
// template): for a signed-in actor, once the route's params are well formed; what `file` loads
// authorizes, and a refusal is a 404 (lib/auth/route.ts).
import type { NextRequest } from "next/server";
import type { Actor } from "@/lib/authz";
import { fileDownload, forSignedIn } from "@/lib/auth/route";
import { getContractExport, type ContractExport } from "./export-query";

type Context = { params: Promise<{ slug: string; contractId: string }> };
type ContractFile = { content: Buffer; filename: Parameters<typeof fileDownload>[1] };

/** A GET handler answering the file `file` makes for the actor, or 404. */
export function contractFileRoute(file: (actor: Actor, territorySlug: string, contractId: string) => Promise<ContractFile>) {
  return async function GET(request: NextRequest, { params }: Context) {
    const { slug, contractId } = await params;
    return forSignedIn(request, { slug, contractId }, async (actor) => {
      const { content, filename } = await file(actor, slug, contractId);
      return fileDownload(content, filename);
    });
  };
}

/** The contract rendered as a file, for whoever may read it in the workspace, named after its territory and generation. */
export function contractExportRoute(render: (contract: ContractExport) => Promise<Buffer>, extension: "pdf" | "xlsx") {
  return contractFileRoute(async (actor, territorySlug, contractId) => {
    const contract = await getContractExport(actor, territorySlug, contractId);
    return { content: await render(contract), filename: `cls-${contract.territory.slug}-${contract.generation}.${extension}` };
  });
}
