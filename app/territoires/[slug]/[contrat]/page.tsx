import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { generationPath, TerritoryContractPage } from "@/components/territories/territory-contract-page";
import { currentActor } from "@/lib/auth/session";
import { generationLabel } from "@/lib/contracts/labels";
import { publicPageMetadata } from "@/lib/public-pages/metadata";
import { readContractKey } from "@/lib/publication/paths";
import { findTerritoryPage, type TerritoryPage } from "@/lib/territories/queries";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; contrat: string }> };

/** The territory with its published contract of the generation the key names; not found otherwise. */
async function loadContract(params: Props["params"]): Promise<TerritoryPage> {
  const { slug, contrat } = await params;
  const generation = readContractKey(contrat);
  const territory = generation ? await findTerritoryPage(await currentActor(), slug, generation) : null;
  if (!territory?.contracts.length) notFound();
  return territory;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const territory = await loadContract(params);
  const contract = territory.contracts[0];
  return publicPageMetadata({
    title: `${generationLabel(contract.generation)} – ${territory.name}`,
    description: contract.summary?.trim() || `${generationLabel(contract.generation)} du territoire ${territory.name}.`,
    // The current contract's canonical page is the territory's.
    path: generationPath(territory, contract.generation),
  });
}

export default async function PublicContractPage({ params }: Props) {
  return <TerritoryContractPage territory={await loadContract(params)} earlier />;
}
