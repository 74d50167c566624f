import type { Metadata } from "next";
import { cache } from "react";
import { CommitmentReportForm } from "@/components/commitments/commitment-report-form";
import { ContributionFacts } from "@/components/contributions/contribution-facts";
import { ContributionForm } from "@/components/contributions/contribution-form";
import { Breadcrumb } from "@/components/ui/breadcrumb";
import { ChangeList } from "@/components/audit/change-list";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { loadAuthorized } from "@/lib/auth/require";
import { formValuesOf } from "@/lib/catalogue";
import { CAMPAIGN_KIND_LABELS, periodText } from "@/lib/campaigns/labels";
import { getCommitmentReport } from "@/lib/commitments/queries";
import { listCommitmentCampaigns } from "@/lib/contributions/queries";
import { CONTRIBUTION_FIELDS } from "@/lib/contributions/schema";
import { COMMITMENT_REPORT_FIELDS } from "@/lib/commitments/schema";
import { axisLabel, ficheLabel } from "@/lib/contracts/labels";
import { PROGRESS_STATUS_LABELS } from "@/lib/fiches/labels";
import { formatDate, formatDateTime, isoDay } from "@/lib/format";
import { todayInParis } from "@/lib/due/schedule";
import { reportCommitmentAction, saveContributionAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ commitmentId: string }> };

const load = cache((commitmentId: string) =>
  loadAuthorized(`/engagements/${commitmentId}`, { commitmentId }, (actor) => getCommitmentReport(actor, commitmentId)),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { data } = await load((await params).commitmentId);
  return { title: `Engagement – ${ficheLabel(data.fiche.number)}` };
}

export default async function CommitmentReportPage({ params }: Props) {
  const { data } = await load((await params).commitmentId);
  const { commitment, objective, fiche, history } = data;
  // The commitment is authorized above: its contract's campaigns (two at most) come with their contribution.
  const campaigns = await listCommitmentCampaigns(fiche.contract.id, commitment.id);
  // A new comment is dated today unless the partner says otherwise.
  const values = {
    ...formValuesOf(COMMITMENT_REPORT_FIELDS, commitment),
    commentedOn: isoDay(commitment.commentedOn ?? todayInParis()) ?? "",
  };
  const facts: Array<[string, string | null]> = [
    ["Contrat", `${fiche.contract.title} (${fiche.contract.territory.name})`],
    ["Axe", `${axisLabel(fiche.axis)} · ${fiche.axis.title}`],
    ["Pilote", [fiche.pilotOrganisation?.name, fiche.pilotContactName].filter(Boolean).join(", ") || null],
    [
      "Période",
      fiche.startsOn || fiche.endsOn ? [fiche.startsOn, fiche.endsOn].map((day) => (day ? formatDate(day) : "…")).join(" – ") : null,
    ],
    ["Statut de la fiche", PROGRESS_STATUS_LABELS[fiche.status]],
  ];

  return (
    <>
      <PageHeader
        title={`${ficheLabel(fiche.number)}\u00a0: ${fiche.title}`}
        eyebrow={<Breadcrumb items={[{ label: "Mes engagements", href: "/engagements" }, { label: ficheLabel(fiche.number) }]} />}
      >
        <p>
          Engagement de {commitment.organisation.name}
          {commitment.reportedAt
            ? ` · dernier point le ${formatDateTime(commitment.reportedAt)}${commitment.reportedBy ? ` par ${commitment.reportedBy.name ?? commitment.reportedBy.email}` : ""}`
            : " · aucun point d’avancement pour le moment"}
        </p>
      </PageHeader>
      <div className="mx-auto grid max-w-6xl gap-6 px-4 py-8 sm:px-6 lg:grid-cols-[1fr_22rem]">
        <div className="space-y-6">
          <Section id="engagement" title="Votre engagement">
            <p className="text-slate-900">{commitment.description}</p>
            {objective ? (
              <p className="mt-3 text-slate-700">
                Objectif opérationnel&nbsp;: {objective.title}
                {objective.dueOn ? ` (échéance le ${formatDate(objective.dueOn)})` : ""}
              </p>
            ) : null}
          </Section>
          <Section id="point" title="Point d’avancement">
            <CommitmentReportForm action={reportCommitmentAction} commitment={commitment} values={values} />
          </Section>
          {campaigns.map((campaign) => {
            const contribution = campaign.contributions[0] ?? null;
            if (campaign.status !== "open" && !contribution) return null;
            const period = periodText(campaign.periodStart, campaign.periodEnd);
            return (
              <Section
                key={campaign.id}
                id={`contribution-${campaign.kind}`}
                title={`Contribution à l’${CAMPAIGN_KIND_LABELS[campaign.kind].toLowerCase()}`}
                description={
                  campaign.status === "open" ? (
                    <p>
                      La coordination évalue le contrat{period ? ` ${period}` : ""}. Dites si votre organisation a tenu son engagement sur
                      cette période et ce qu’elle a apporté
                      {campaign.closesOn ? `, avant le ${formatDate(campaign.closesOn)}` : ""}.
                    </p>
                  ) : (
                    <p>
                      Campagne close{campaign.closedAt ? ` le ${formatDate(campaign.closedAt)}` : ""}&#8239;: votre contribution ne change
                      plus.
                    </p>
                  )
                }
              >
                {campaign.status === "open" ? (
                  <ContributionForm
                    action={saveContributionAction}
                    hidden={{ campaignId: campaign.id, commitmentId: commitment.id, version: String(contribution?.version ?? 0) }}
                    values={formValuesOf(CONTRIBUTION_FIELDS, contribution)}
                  />
                ) : (
                  <ContributionFacts contribution={contribution!} />
                )}
              </Section>
            );
          })}
          <Section id="historique" title="Historique de l’engagement">
            <ChangeList changes={history} label="Points d’avancement enregistrés" empty="Aucun point d’avancement enregistré." />
          </Section>
        </div>
        <aside aria-labelledby="fiche-titre" className="h-fit rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="fiche-titre" className="text-lg font-semibold text-slate-900">
            La fiche action
          </h2>
          <dl className="mt-3 space-y-2 text-sm">
            {facts.map(([label, value]) =>
              value ? (
                <div key={label}>
                  <dt className="font-medium text-slate-600">{label}</dt>
                  <dd className="text-slate-900">{value}</dd>
                </div>
              ) : null,
            )}
          </dl>
          {fiche.generalObjective ? (
            <>
              <h3 className="mt-4 font-semibold text-slate-900">Objectif général</h3>
              <p className="mt-1 text-sm whitespace-pre-line text-slate-700">{fiche.generalObjective}</p>
            </>
          ) : null}
          {fiche.description ? (
            <>
              <h3 className="mt-4 font-semibold text-slate-900">Description</h3>
              <p className="mt-1 text-sm whitespace-pre-line text-slate-700">{fiche.description}</p>
            </>
          ) : null}
        </aside>
      </div>
    </>
  );
}
