import type { Metadata } from "next";
import { AuditLog } from "@/components/audit/audit-log";
import { PageHeader } from "@/components/ui/page-header";
import { WorkspaceBreadcrumb } from "@/components/workspace/workspace-breadcrumb";
import { WorkspaceNav } from "@/components/workspace/workspace-nav";
import { auditFilterSchema, listAuditEvents } from "@/lib/audit/queries";
import { loadAuthorized } from "@/lib/auth/require";
import { can } from "@/lib/authz";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Journal des modifications" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TerritoryAuditPage({ params, searchParams }: Props) {
  const { slug } = await params;
  const filter = auditFilterSchema.parse(await searchParams);
  const { actor, data } = await loadAuthorized(`/espace/${slug}/journal`, { slug }, (who) => listAuditEvents(who, slug, filter));
  const territory = data.territory!;
  return (
    <>
      <PageHeader title="Journal des modifications" eyebrow={<WorkspaceBreadcrumb territory={territory} current="Journal" />}>
        <p>
          Qui a modifié quoi{can(actor, "platform.administer") ? ", quand et depuis où" : " et quand"}, pour le territoire {territory.name}.
          Les plus récentes d’abord.
        </p>
      </PageHeader>
      <WorkspaceNav actor={actor} territory={territory} current="journal" />
      <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        <AuditLog page={data} filter={filter} basePath={`/espace/${territory.slug}/journal`} />
      </div>
    </>
  );
}
