import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { requireSignedIn } from "@/lib/auth/require";
import { CAMPAIGN_KIND_LABELS } from "@/lib/campaigns/labels";
import { COMMITMENT_STATUS_LABELS } from "@/lib/commitments/labels";
import { listPartnerCommitments } from "@/lib/commitments/queries";
import { ficheLabel } from "@/lib/contracts/labels";
import { PROGRESS_STATUS_TONES } from "@/lib/fiches/labels";
import { formatCount, formatDate } from "@/lib/format";
import { listHref, PAGE_SIZE, readListParams } from "@/lib/params/list-params";

export const metadata: Metadata = { title: "Mes engagements" };
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PartnerCommitmentsPage({ searchParams }: Props) {
  const actor = await requireSignedIn("/engagements");
  const { page } = readListParams(await searchParams);
  const { entries, total } = await listPartnerCommitments(actor, { page });

  return (
    <>
      <PageHeader title="Mes engagements">
        <p>
          Les engagements de votre organisation dans les contrats locaux de santé des territoires qui vous ont invité. Pour chacun, indiquez
          où il en est et les moyens mobilisés.
        </p>
      </PageHeader>
      <div className="mx-auto max-w-6xl px-4 py-8 sm:px-6">
        <h2 id="engagements" className="text-xl font-semibold text-slate-900">
          {formatCount(total, "engagement", "engagements")}
        </h2>
        {entries.length ? (
          <ul className="mt-4 space-y-3">
            {entries.map((commitment) => (
              <li key={commitment.id} className="rounded-lg border border-slate-200 bg-white p-4 sm:p-5">
                <p className="text-sm text-slate-600">
                  {commitment.fiche.contract.territory.name} · {commitment.fiche.contract.title}
                </p>
                <p className="mt-1 font-semibold text-slate-900">
                  <Link href={`/engagements/${commitment.id}`}>
                    {ficheLabel(commitment.fiche.number)}&nbsp;: {commitment.fiche.title}
                  </Link>
                </p>
                {commitment.objective ? <p className="mt-1 text-slate-700">Objectif&nbsp;: {commitment.objective.title}</p> : null}
                <p className="mt-1 text-slate-700">
                  {commitment.organisation.name}&nbsp;: {commitment.description}
                </p>
                {commitment.fiche.contract.campaigns.map((campaign) =>
                  commitment.contributions.some((contribution) => contribution.campaignId === campaign.id) ? (
                    <p key={campaign.id} className="mt-2 text-sm text-slate-700">
                      {CAMPAIGN_KIND_LABELS[campaign.kind]}&nbsp;: contribution transmise.
                    </p>
                  ) : (
                    <p key={campaign.id} className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-700">
                      <Badge tone="warning">Contribution attendue</Badge>
                      <Link href={`/engagements/${commitment.id}#contribution-${campaign.kind}-titre`}>
                        {CAMPAIGN_KIND_LABELS[campaign.kind]}&nbsp;: contribuer
                      </Link>
                    </p>
                  ),
                )}
                <p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-600">
                  <Badge tone={PROGRESS_STATUS_TONES[commitment.status]}>{COMMITMENT_STATUS_LABELS[commitment.status]}</Badge>
                  <span>{commitment.progress}&#8239;%</span>
                  <span>
                    {commitment.reportedAt
                      ? `Dernier point le ${formatDate(commitment.reportedAt)}`
                      : "Aucun point d’avancement pour le moment"}
                    {commitment.objective?.dueOn ? `, échéance le ${formatDate(commitment.objective.dueOn)}` : ""}
                  </span>
                </p>
              </li>
            ))}
          </ul>
        ) : (
          <p className="mt-4 text-slate-700">
            {total
              ? "Aucun engagement sur cette page."
              : "Aucun engagement à suivre pour le moment. Quand une coordination vous invite comme partenaire, les engagements de votre organisation dans son contrat apparaissent ici."}
          </p>
        )}
        <Pagination
          page={page}
          pageCount={Math.ceil(total / PAGE_SIZE)}
          href={(target) => listHref("/engagements", {}, target, "engagements")}
          label="Pages de la liste de vos engagements"
        />
      </div>
    </>
  );
}
