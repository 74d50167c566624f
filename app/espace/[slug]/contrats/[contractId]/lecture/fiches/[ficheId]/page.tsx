import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { EarlierGenerations, inWorkspace } from "@/components/renewal/earlier-generations";
import { ReviewThreads, type ThreadActions } from "@/components/reviews/review-thread";
import { Badge } from "@/components/ui/badge";
import { CatalogueEntries } from "@/components/reading/catalogue-entries";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { Table } from "@/components/ui/table";
import { WorkspaceBreadcrumb } from "@/components/workspace/workspace-breadcrumb";
import { loadAuthorized } from "@/lib/auth/require";
import { can } from "@/lib/authz";
import { documentEntries } from "@/lib/catalogue";
import { ficheLabel } from "@/lib/contracts/labels";
import { getDb } from "@/lib/db/client";
import { PROGRESS_STATUS_LABELS, PROGRESS_STATUS_TONES } from "@/lib/fiches/labels";
import { getFicheReading } from "@/lib/fiches/reading";
import { FICHE_FIELDS } from "@/lib/fiches/schema";
import { formatDate, formatDecimal, formatEurosExact } from "@/lib/format";
import { judgementLabel } from "@/lib/indicators/labels";
import { judgementOf } from "@/lib/indicators/trajectory";
import { listEarlierGenerations } from "@/lib/renewal/queries";
import { listReviewThreads } from "@/lib/reviews/queries";
import {
  answerReviewThreadAction,
  commentReviewThreadAction,
  openReviewThreadAction,
  reopenReviewThreadAction,
  resolveReviewThreadAction,
  settleReviewThreadAction,
} from "../../actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string; contractId: string; ficheId: string }> };

// The fiche with everything it holds, then its review threads: two statements whatever its size.
const load = cache((slug: string, contractId: string, ficheId: string) =>
  loadAuthorized(`/espace/${slug}/contrats/${contractId}/lecture/fiches/${ficheId}`, { slug, contractId, ficheId }, async (actor) => {
    const fiche = await getFicheReading(actor, slug, contractId, ficheId);
    return { fiche, threads: await listReviewThreads(getDb(), { contractId: fiche.contract.id, targetId: fiche.id }) };
  }),
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug, contractId, ficheId } = await params;
  const { fiche } = (await load(slug, contractId, ficheId)).data;
  return { title: `${ficheLabel(fiche.number)} – ${fiche.title} (lecture)` };
}

const shown = (value: { toString(): string } | null | undefined, unit: string | null) =>
  value === null || value === undefined ? "—" : `${formatDecimal(value, { fractionDigits: 2 })}${unit ? `\u00a0${unit}` : ""}`;

export default async function FicheReadingPage({ params }: Props) {
  const { slug, contractId, ficheId } = await params;
  const { actor, data } = await load(slug, contractId, ficheId);
  const { fiche, threads } = data;
  const { contract } = fiche;
  const resource = { territoryId: contract.territory.id, regionId: contract.territory.regionId };
  const officer = can(actor, "review.comment", resource);
  const coordinator = !officer && can(actor, "review.answer", resource);
  const contractPath = `/espace/${contract.territory.slug}/contrats/${contract.id}`;
  const entries = documentEntries(FICHE_FIELDS, fiche);
  const label = `la ${ficheLabel(fiche.number).toLowerCase()}`;
  const threadActions: ThreadActions = officer
    ? { comment: commentReviewThreadAction, resolve: resolveReviewThreadAction, reopen: reopenReviewThreadAction }
    : { comment: answerReviewThreadAction, resolve: settleReviewThreadAction };
  const editable = can(actor, "fiche.edit", { ...resource, pilotUserId: fiche.pilotUserId });
  const today = new Date();
  // Its earlier generations, for those who read every contract of the territory (a partner reads only some).
  const earlier =
    officer || coordinator || can(actor, "portfolio.read", resource) ? await listEarlierGenerations(fiche.id, contract.territory.id) : [];

  return (
    <>
      <PageHeader
        title={`${ficheLabel(fiche.number)} – ${fiche.title}`}
        eyebrow={<WorkspaceBreadcrumb territory={contract.territory} contract={contract} current={ficheLabel(fiche.number)} />}
      >
        <p className="flex flex-wrap items-center gap-2">
          <Badge tone={PROGRESS_STATUS_TONES[fiche.status]}>{PROGRESS_STATUS_LABELS[fiche.status]}</Badge>
          <span className="text-base text-slate-600">Avancement {fiche.progress}&#8239;%</span>
        </p>
      </PageHeader>
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
        <p className="flex flex-wrap gap-4">
          <Link href={`${contractPath}/lecture#axes`}>Retour au contrat</Link>
          {editable ? <Link href={`${contractPath}/fiches/${fiche.id}`}>Modifier la fiche</Link> : null}
        </p>

        {officer || coordinator ? (
          <Section id="revue" title="Avis de l’ARS sur la fiche">
            <ReviewThreads
              threads={threads}
              side={officer ? "officer" : "coordinator"}
              actions={threadActions}
              newThread={
                officer
                  ? { action: openReviewThreadAction, contractId: contract.id, targetKind: "fiche", targetId: fiche.id, targetLabel: label }
                  : undefined
              }
            />
            {coordinator && threads.length === 0 ? <p className="text-slate-700">Aucune discussion sur cette fiche.</p> : null}
          </Section>
        ) : null}

        <Section id="fiche" title="La fiche action">
          <CatalogueEntries entries={entries} />
        </Section>

        <EarlierGenerations reader="workspace" fiches={inWorkspace(earlier, contract.territory.slug, "lecture/fiches")} />
        <Section id="objectifs" title={`Objectifs opérationnels (${fiche.objectives.length})`}>
          {fiche.objectives.length ? (
            <ol className="space-y-4">
              {fiche.objectives.map((objective, index) => (
                <li key={index} className="rounded-md border border-slate-200 p-4">
                  <h3 className="font-semibold text-slate-900">
                    {index + 1}. {objective.title}
                  </h3>
                  <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-600">
                    <Badge tone={PROGRESS_STATUS_TONES[objective.status]}>{PROGRESS_STATUS_LABELS[objective.status]}</Badge>
                    {objective.progress}&#8239;%{objective.dueOn ? ` · échéance ${formatDate(objective.dueOn)}` : ""}
                  </p>
                  {objective.description ? <p className="mt-2 whitespace-pre-line text-slate-800">{objective.description}</p> : null}
                  {objective.commitments.length ? (
                    <>
                      <h4 className="mt-3 text-sm font-semibold text-slate-900">Engagements des partenaires</h4>
                      <ul className="mt-1 list-disc space-y-1 pl-6">
                        {objective.commitments.map((commitment, position) => (
                          <li key={position}>
                            <span className="font-medium">{commitment.organisation.name}</span>&nbsp;: {commitment.description}
                          </li>
                        ))}
                      </ul>
                    </>
                  ) : null}
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-slate-700">Aucun objectif opérationnel.</p>
          )}
        </Section>

        <Section id="budget" title="Budget">
          {fiche.budgetLines.length ? (
            <Table
              caption="Lignes budgétaires de la fiche"
              columns={[{ label: "Financeur" }, { label: "Dispositif" }, { label: "Année" }, { label: "Montant", className: "text-right" }]}
            >
              {fiche.budgetLines.map((line, index) => (
                <tr key={index}>
                  <th scope="row">{line.funder?.name ?? line.funderLabel ?? "—"}</th>
                  <td>{line.fundingInstrument ?? "—"}</td>
                  <td>{line.year ?? "—"}</td>
                  <td className="num">{formatEurosExact(line.amount)}</td>
                </tr>
              ))}
            </Table>
          ) : (
            <p className="text-slate-700">Aucune ligne budgétaire.</p>
          )}
        </Section>

        <Section id="jalons" title="Jalons">
          {fiche.milestones.length ? (
            <ul className="list-disc space-y-1 pl-6">
              {fiche.milestones.map((milestone, index) => (
                <li key={index}>
                  {milestone.title}
                  {milestone.dueOn ? ` · échéance ${formatDate(milestone.dueOn)}` : ""}
                  {milestone.doneOn ? ` · atteint le ${formatDate(milestone.doneOn)}` : ""}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-slate-700">Aucun jalon.</p>
          )}
        </Section>

        <Section id="indicateurs" title={`Indicateurs (${fiche.indicators.length})`}>
          {fiche.indicators.length ? (
            <Table
              caption="Indicateurs de la fiche, avec leur dernière valeur"
              columns={[
                { label: "Indicateur" },
                { label: "Valeur de départ", className: "text-right" },
                { label: "Dernière valeur", className: "text-right" },
                { label: "Cible", className: "text-right" },
                { label: "Tendance" },
              ]}
            >
              {fiche.indicators.map((indicator) => {
                const latest = indicator.measurements[0];
                return (
                  <tr key={indicator.id}>
                    <th scope="row">{indicator.name}</th>
                    <td className="num">{shown(indicator.baselineValue, indicator.unit)}</td>
                    <td className="num">
                      {shown(latest?.value, indicator.unit)}
                      {latest ? ` (${formatDate(latest.measuredOn)})` : ""}
                    </td>
                    <td className="num">{shown(indicator.targetValue, indicator.unit)}</td>
                    <td>{judgementLabel(judgementOf(indicator, today))}</td>
                  </tr>
                );
              })}
            </Table>
          ) : (
            <p className="text-slate-700">Aucun indicateur.</p>
          )}
        </Section>
      </div>
    </>
  );
}
