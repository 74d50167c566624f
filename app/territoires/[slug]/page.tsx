import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TerritoryContractPage } from "@/components/territories/territory-contract-page";
import { currentActor } from "@/lib/auth/session";
import { publicPageMetadata } from "@/lib/public-pages/metadata";
import { publicTerritoryPath } from "@/lib/publication/paths";
import { findTerritoryPage, type TerritoryPage } from "@/lib/territories/queries";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

async function loadTerritory(params: Props["params"]): Promise<TerritoryPage> {
  const { slug } = await params;
  const territory = await findTerritoryPage(await currentActor(), slug);
  if (!territory) notFound();
  return territory;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const territory = await loadTerritory(params);
  const contract = territory.contracts[0];
  return publicPageMetadata({
    title: `Contrat local de santé – ${territory.name}`,
    description: contract?.summary?.trim() || `Contrat local de santé du territoire ${territory.name}.`,
    path: publicTerritoryPath(territory.slug),
  });
}

export default async function TerritoryPublicPage({ params }: Props) {
  return <TerritoryContractPage territory={await loadTerritory(params)} earlier={false} />;
}
