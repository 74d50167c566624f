import type { Metadata } from "next";
import Link from "next/link";
import { AccessRequestPanel } from "@/components/access-requests/access-request-panel";
import { RegionFilter } from "@/components/regions/region-filter";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { getAccessRequestPanel } from "@/lib/access-requests/queries";
import { requireSignedIn } from "@/lib/auth/require";
import { can } from "@/lib/authz";
import { formatCount } from "@/lib/format";
import { MEMBERSHIP_ROLE_LABELS } from "@/lib/memberships/labels";
import { listHref, PAGE_SIZE, readListParams } from "@/lib/params/list-params";
import { followsPortfolio } from "@/lib/portfolio/resource";
import { listWorkspaces } from "@/lib/workspaces/queries";
import { requestAccessAction } from "./actions";

export const metadata: Metadata = { title: "Mon espace" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function WorkspacesPage({ searchParams }: Props) {
  const actor = await requireSignedIn("/espace");
  const params = readListParams(await searchParams);
  const [workspaces, accessPanel] = await Promise.all([listWorkspaces(actor, params), getAccessRequestPanel(actor)]);
  const region = workspaces.regions.find((candidate) => candidate.slug === params.region);
  const roles = [...new Set(actor.memberships.map((membership) => MEMBERSHIP_ROLE_LABELS[membership.role]))];

  return (
    <>
      <PageHeader title="Mon espace">
        <p>
          {roles.length
            ? `Vos rôles\u00a0: ${roles.join(", ")}.`
            : accessPanel?.territories.length
              ? "Aucun rôle ne vous est encore attribué\u00a0: demandez ci-dessous l’accès aux engagements de votre organisation, ou une invitation à la coordination de votre contrat."
              : "Aucun rôle ne vous est encore attribué\u00a0: demandez une invitation à la coordination de votre contrat."}
        </p>
      </PageHeader>
      <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        {can(actor, "platform.administer") ? (
          <p className="mb-8 rounded-lg border border-slate-200 bg-white p-5">
            <Link href="/admin" className="font-semibold">
              Administration de la plateforme
            </Link>
            <span className="text-slate-700"> : régions, territoires, organisations, membres et journal.</span>
          </p>
        ) : null}
        {followsPortfolio(actor) ? (
          <p className="mb-8 rounded-lg border border-slate-200 bg-white p-5">
            <Link href="/portefeuille" className="font-semibold">
              Portefeuille régional
            </Link>
            <span className="text-slate-700">
              {" "}
              : chaque contrat de la région, ses échéances, ses évaluations et ses points d’attention.
            </span>
          </p>
        ) : null}
        {/* A ProConnect agent: the organisation ProConnect names, where it can ask for partner access. */}
        {accessPanel && (accessPanel.agent?.organisation || accessPanel.requests.length || !actor.memberships.length) ? (
          <div className="mb-8">
            <AccessRequestPanel panel={accessPanel} action={requestAccessAction} />
          </div>
        ) : null}
        <h2 id="territoires" className="text-xl font-semibold text-slate-900">
          Vos territoires
        </h2>
        {workspaces.total > PAGE_SIZE || region ? (
          <p className="mt-1 text-slate-700">{formatCount(workspaces.total, "territoire", "territoires")}.</p>
        ) : null}
        <RegionFilter regions={workspaces.regions} selected={region} total={workspaces.total} action="/espace#territoires" />
        {workspaces.entries.length ? (
          <ul className="mt-4 grid grid-cols-1 gap-4 md:grid-cols-2 lg:grid-cols-3">
            {workspaces.entries.map((workspace) => (
              <li key={workspace.id} className="rounded-lg border border-slate-200 bg-white p-5">
                <p className="text-sm text-slate-600">{workspace.region.name}</p>
                <p className="mt-1 text-lg font-semibold">
                  <Link href={`/espace/${workspace.slug}`}>{workspace.name}</Link>
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-4 text-slate-700">
            {workspaces.total ? "Aucun territoire sur cette page." : "Vous n’avez accès à aucun territoire pour le moment."}
          </p>
        )}
        <Pagination
          page={params.page}
          pageCount={Math.ceil(workspaces.total / PAGE_SIZE)}
          href={(page) => listHref("/espace", { region: region?.slug }, page, "territoires")}
          label="Pages de la liste de vos territoires"
        />
      </div>
    </>
  );
}
