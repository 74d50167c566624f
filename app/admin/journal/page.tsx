import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { AuditLog } from "@/components/audit/audit-log";
import { PageHeader } from "@/components/ui/page-header";
import { loadAuthorized } from "@/lib/auth/require";
import { auditFilterSchema, listAuditEvents } from "@/lib/audit/queries";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Journal – Administration" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminAuditPage({ searchParams }: Props) {
  const filter = auditFilterSchema.parse(await searchParams);
  const { data } = await loadAuthorized("/admin/journal", {}, (actor) => listAuditEvents(actor, null, filter));
  return (
    <>
      <PageHeader title="Journal des modifications">
        <p>Toutes les modifications de la plateforme, les plus récentes d’abord.</p>
      </PageHeader>
      <AdminNav current="journal" />
      <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        <AuditLog page={data} filter={filter} basePath="/admin/journal" />
      </div>
    </>
  );
}
