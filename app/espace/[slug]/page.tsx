import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { ContractStatusBadge } from "@/components/contracts/contract-status-badge";
import { Badge } from "@/components/ui/badge";
import { ItemList } from "@/components/ui/item-list";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { ficheCountOf } from "@/lib/contracts/fiche-count";
import { generationLabel } from "@/lib/contracts/labels";
import { formatCount, formatDate } from "@/lib/format";
import { loadAuthorized } from "@/lib/auth/require";
import { can } from "@/lib/authz";
import { getWorkspace } from "@/lib/workspaces/queries";
import { territoryResource } from "@/lib/workspaces/resource";
import { getDb } from "@/lib/db/client";
import { listTerritoryOpenReviews } from "@/lib/reviews/queries";
import { OpenReviewItems } from "@/components/reviews/open-review-items";
import { answerReviewThreadAction, settleReviewThreadAction } from "./contrats/[contractId]/lecture/actions";
import { WorkspaceBreadcrumb } from "@/components/workspace/workspace-breadcrumb";
import { WorkspaceNav } from "@/components/workspace/workspace-nav";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

const loadWorkspace = cache((slug: string) => loadAuthorized(`/espace/${slug}`, { slug }, (actor) => getWorkspace(actor, slug)));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { data: workspace } = await loadWorkspace((await params).slug);
  return { title: `Espace – ${workspace.name}` };
}

export default async function WorkspacePage({ params }: Props) {
  const { actor, data: workspace } = await loadWorkspace((await params).slug);
  const territory = { territoryId: workspace.id, regionId: workspace.regionId };
  // Coordinators answer the agency here: its open threads and the documents it sent back.
  const reviews = can(actor, "review.answer", territory) ? await listTerritoryOpenReviews(getDb(), actor, workspace) : null;
  return (
    <>
      <PageHeader title={workspace.name} eyebrow={<WorkspaceBreadcrumb territory={workspace} />}>
        <p>Espace de travail · Région {workspace.region.name}</p>
      </PageHeader>
      <WorkspaceNav actor={actor} territory={workspace} current="contrats" />
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
        {can(actor, "contract.edit", territoryResource(workspace)) ? (
          <p>
            <Link
              href={`/espace/${workspace.slug}/contrats/nouveau`}
              className="inline-block rounded-md bg-brand-700 px-4 py-2 font-medium text-white no-underline hover:bg-brand-800 hover:text-white"
            >
              Nouveau contrat
            </Link>
          </p>
        ) : null}
        {reviews ? (
          <Section id="revue" title="Revue de l’ARS">
            <OpenReviewItems
              items={reviews}
              actions={{ comment: answerReviewThreadAction, resolve: settleReviewThreadAction }}
              showContract
            />
          </Section>
        ) : null}
        <Section id="contrats" title="Contrats du territoire">
          <ItemList items={workspace.contracts} empty="Aucun contrat n’est encore enregistré pour ce territoire.">
            {(contract) => (
              <>
                <div>
                  <p className="font-semibold text-slate-900">
                    <Link href={`/espace/${workspace.slug}/contrats/${contract.id}`}>{contract.title}</Link>
                  </p>
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
              </>
            )}
          </ItemList>
        </Section>
      </div>
    </>
  );
}
