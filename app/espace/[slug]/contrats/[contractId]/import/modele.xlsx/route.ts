// The fiche import template, for those who may import into this contract.
import type { NextRequest } from "next/server";
import { forSignedIn, fileDownload } from "@/lib/auth/route";
import { importTemplate } from "@/lib/fiches/import";
import { getImportPage } from "@/lib/fiches/queries";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ slug: string; contractId: string }> };

export async function GET(request: NextRequest, { params }: Context) {
  const { slug, contractId } = await params;
  return forSignedIn(request, { slug, contractId }, async (actor) => {
    await getImportPage(actor, slug, contractId);
    return fileDownload(await importTemplate(), "modele-import-fiches.xlsx");
  });
}
