import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { ContractStatusBadge } from "@/components/contracts/contract-status-badge";
import { Badge } from "@/components/ui/badge";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { requireSignedIn } from "@/lib/auth/require";
import { NotFoundError } from "@/lib/authz";
import { ficheCountOf } from "@/lib/contracts/fiche-count";
import { generationLabel } from "@/lib/contracts/labels";
import { formatCount, formatDate } from "@/lib/format";
import { findWorkspace } from "@/lib/workspaces/queries";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

const loadWorkspace = cache(async (slug: string) => {
  const actor = await requireSignedIn(`/espace/${slug}`);
  try {
    return await findWorkspace(actor, slug);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const workspace = await loadWorkspace((await params).slug);
  return { title: `Espace – ${workspace.name}` };
}

export default async function WorkspacePage({ params }: Props) {
  const workspace = await loadWorkspace((await params).slug);
  return (
    <>
      <PageHeader
        title={workspace.name}
        eyebrow={<Breadcrumb items={[{ label: "Mon espace", href: "/espace" }, { label: workspace.name }]} />}
      >
        <p>Espace de travail · Région {workspace.region.name}</p>
      </PageHeader>
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
        <Section id="contrats" title="Contrats du territoire">
          {workspace.contracts.length ? (
            <ul className="divide-y divide-slate-200">
              {workspace.contracts.map((contract) => (
                <li key={contract.id} className="flex flex-col gap-2 py-4 first:pt-0 last:pb-0 sm:flex-row sm:items-center sm:justify-between">
                  <div>
                    <p className="font-semibold text-slate-900">{contract.title}</p>
                    <p className="text-sm text-slate-600">
                      {generationLabel(contract.generation)}
                      {contract.signedOn ? ` · signé le ${formatDate(contract.signedOn)}` : ""}
                      {` · ${formatCount(contract._count.axes, "axe", "axes")}`}
                      {` · ${formatCount(ficheCountOf(contract, contract._count.fiches), "fiche action", "fiches actions")}`}
                    </p>
                  </div>
                  <div className="flex flex-wrap items-center gap-2">
                    <ContractStatusBadge status={contract.status} />
                    {contract.visibility === "published" ? (
                      <>
                        <Badge tone="success">Publié</Badge>
                        <Link href={`/territoires/${workspace.slug}`} className="text-sm">
                          Voir la page publique
                        </Link>
                      </>
                    ) : (
                      <Badge tone="warning">Brouillon</Badge>
                    )}
                  </div>
                </li>
              ))}
            </ul>
          ) : (
            <p>Aucun contrat n’est encore enregistré pour ce territoire.</p>
          )}
        </Section>
      </div>
    </>
  );
}
