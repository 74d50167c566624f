// The fiche import template, for those who may import into this contract.
import { contractFileRoute } from "@/lib/contracts/download";
import { importTemplate } from "@/lib/fiches/import";
import { getImportPage } from "@/lib/fiches/queries";

export const dynamic = "force-dynamic";

export const GET = contractFileRoute(async (actor, territorySlug, contractId) => {
  await getImportPage(actor, territorySlug, contractId);
  return { content: await importTemplate(), filename: "modele-import-fiches.xlsx" };
});
