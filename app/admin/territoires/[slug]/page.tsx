import type { Metadata } from "next";
import Link from "next/link";
import { AdminNav } from "@/components/admin/admin-nav";
import { TerritoryForm } from "@/components/admin/territory-form";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { loadAuthorized } from "@/lib/auth/require";
import { TERRITORY_KIND_LABELS } from "@/lib/territories/labels";
import { getTerritoryForEdit } from "@/lib/territories/queries";
import { updateTerritoryAction } from "../../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Modifier un territoire – Administration" };

type Props = { params: Promise<{ slug: string }> };

export default async function AdminTerritoryPage({ params }: Props) {
  const { slug } = await params;
  const { data } = await loadAuthorized(`/admin/territoires/${slug}`, { slug }, (actor) => getTerritoryForEdit(actor, slug));
  const { territory, place, regions } = data;
  return (
    <>
      <PageHeader title={territory.name}>
        <p>
          Son nom, son type, sa région et son lieu dans le référentiel officiel de l’État, d’où viennent ses codes. Son adresse,{" "}
          <Link href={`/espace/${territory.slug}`}>/espace/{territory.slug}</Link>, ne change pas.
        </p>
      </PageHeader>
      <AdminNav current="referentiel" />
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
        <Section id="territoire" title="Territoire">
          <TerritoryForm
            action={updateTerritoryAction}
            regions={regions}
            kinds={Object.entries(TERRITORY_KIND_LABELS).map(([value, label]) => ({ value, label }))}
            edited={{
              territoryId: territory.id,
              version: territory.version,
              place,
              fields: { name: territory.name, kind: territory.kind, regionId: territory.regionId, department: territory.department ?? "" },
            }}
          />
        </Section>
      </div>
    </>
  );
}
