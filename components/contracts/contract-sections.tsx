// The sections of a public contract page: overview (status and dates, progress and last
// evaluation in brief), progress, diagnosis, axes and fiches, the last closed evaluation, parties,
// concertation, steering meetings, documents.
import { ProgressFigures } from "@/components/charts/progress-figures";
import { AxisList } from "@/components/contracts/axis-list";
import { ContractStatusBadge } from "@/components/contracts/contract-status-badge";
import { FindingCoverageList } from "@/components/coverage/finding-coverage-list";
import { DocumentLinks } from "@/components/documents/document-links";
import { PartyList } from "@/components/contracts/party-list";
import { PublicEvaluationSection } from "@/components/evaluations/public-evaluation";
import { FactList } from "@/components/ui/fact-list";
import { ProgressBar } from "@/components/ui/progress-bar";
import { Section } from "@/components/ui/section";
import { CAMPAIGN_KIND_LABELS } from "@/lib/campaigns/labels";
import { documentTarget } from "@/lib/contracts/documents";
import { ficheCountOf } from "@/lib/contracts/fiche-count";
import { ficheLabel, generationLabel } from "@/lib/contracts/labels";
import { findingCoverage } from "@/lib/coverage/coverage";
import type { PublicContractStatus } from "@/lib/contracts/public-status";
import { todayInParis } from "@/lib/due/schedule";
import { formatCount, formatDate, formatDuration, formatNumber } from "@/lib/format";
import { MEETING_KIND_SHORT_LABELS } from "@/lib/meetings/labels";
import type { PublicEvaluation } from "@/lib/public-pages/evaluation";
import type { PublicFicheProgress, PublicProgress } from "@/lib/public-pages/progress";
import type { PublicContract } from "@/lib/territories/queries";

const isoDay = (day: Date) => day.toISOString().slice(0, 10);

export function ContractSections({
  contract,
  status,
  progress,
  ficheProgress,
  evaluation,
  ficheHref,
  documentHref,
}: {
  contract: PublicContract;
  /** What the public reads of its status today (lib/contracts/public-status.ts). */
  status: PublicContractStatus;
  /** The roll-up of its published fiches (lib/public-pages/progress.ts), and each one's status and progress. */
  progress: PublicProgress;
  ficheProgress: ReadonlyMap<string, PublicFicheProgress>;
  /** Its last closed evaluation, if any (lib/public-pages/evaluation.ts). */
  evaluation: PublicEvaluation | null;
  /** A published fiche's page, by its number. */
  ficheHref: (number: number) => string;
  /** Where a public document's file downloads. */
  documentHref: (documentId: string) => string;
}) {
  const ficheCount = contract.publicFiches.length;
  const transversalCount = contract.axes.filter((axis) => axis.isTransversal).length;
  const announced = ficheCountOf(contract, ficheCount);
  const notDay = "Non renseignée";
  const day = (value: Date | null, missing = notDay) => (value ? <time dateTime={isoDay(value)}>{formatDate(value)}</time> : missing);

  return (
    <>
      <Section
        id="contrat"
        title={contract.title}
        description={
          <p className="flex flex-wrap items-center gap-2">
            <ContractStatusBadge status={status} withDetail />
            <span className="text-sm text-slate-600">
              <span aria-hidden="true" className="text-slate-400">
                ·{" "}
              </span>
              {generationLabel(contract.generation)}
            </span>
          </p>
        }
      >
        {contract.summary ? <p className="mb-6 max-w-3xl leading-relaxed text-slate-800">{contract.summary}</p> : null}
        <FactList
          facts={[
            { label: "Adoption en conseil", value: day(contract.councilAdoptedOn) },
            { label: "Signature", value: day(contract.signedOn) },
            { label: "Début", value: day(contract.startsOn, "Non renseigné") },
            { label: "Fin", value: day(contract.endsOn) },
            {
              label: "Durée",
              value: contract.durationMonths ? formatDuration(contract.durationMonths) : (contract.timeframeNote ?? "Non renseignée"),
            },
            ...(progress.started
              ? [
                  {
                    label: "Avancement des fiches publiées",
                    value: (
                      <a href="#avancement-titre">
                        {progress.overall === null ? "Non mesuré" : `${formatNumber(progress.overall)}\u202f%`}
                      </a>
                    ),
                  },
                ]
              : []),
            ...(evaluation
              ? [
                  {
                    label: "Dernière évaluation",
                    value: (
                      <a href="#evaluation-titre">
                        {CAMPAIGN_KIND_LABELS[evaluation.kind]}, close le {formatDate(todayInParis(evaluation.closedAt))}
                        {evaluation.achievement === null ? "" : ` (réalisation moyenne ${formatNumber(evaluation.achievement)}\u202f%)`}
                      </a>
                    ),
                  },
                ]
              : []),
            {
              label: "Axes stratégiques",
              value:
                formatCount(contract.axes.length, "axe", "axes") +
                (transversalCount ? ` dont ${formatCount(transversalCount, "transversal", "transversaux")}` : ""),
            },
            { label: "Fiches actions", value: announced ? formatCount(announced, "fiche action", "fiches actions") : "Non renseignées" },
            ...(contract.prsReference ? [{ label: "Projet régional de santé", value: contract.prsReference }] : []),
          ]}
        />
        {contract.durationMonths && contract.timeframeNote ? <p className="mt-4 text-sm text-slate-600">{contract.timeframeNote}</p> : null}
      </Section>

      {progress.fiches ? (
        <Section
          id="avancement"
          title="Avancement"
          description={
            <p>
              D’après les {formatCount(progress.fiches, "fiche action publiée", "fiches actions publiées")}, dans leur version publiée
              {progress.closed
                ? `\u202f; ${formatCount(progress.closed, "fiche close par un avenant n’est", "fiches closes par un avenant ne sont")} pas comptée${progress.closed > 1 ? "s" : ""}`
                : ""}
              .
            </p>
          }
        >
          {progress.started ? (
            <>
              <div className="mb-6 max-w-xl">
                <ProgressBar value={progress.overall} label="Avancement du contrat" />
              </div>
              <ProgressFigures
                achievement={progress.achievementByAxis}
                statuses={progress.fichesByStatus}
                ficheCount={progress.fiches}
                achievementNote={
                  "Moyenne des fiches actions publiées de chaque axe, sans les fiches abandonnées\u202f; une fiche qui a des objectifs opérationnels prend la moyenne de leurs avancements."
                }
              />
            </>
          ) : (
            <p className="text-slate-800">Aucune de ces fiches n’est encore indiquée comme commencée.</p>
          )}
        </Section>
      ) : null}

      <Section id="diagnostic" title="Diagnostic local de santé">
        <DiagnosisBody contract={contract} ficheHref={ficheHref} />
      </Section>

      <Section
        id="axes"
        title="Axes stratégiques et fiches actions"
        description={
          contract.declaredFicheCount && contract.declaredFicheCount > ficheCount ? (
            <p>
              Le contrat compte {formatCount(contract.declaredFicheCount, "fiche action", "fiches actions")}
              {ficheCount
                ? `, dont ${formatCount(ficheCount, "est détaillée", "sont détaillées")} ici`
                : "\u202f; leur détail n’est pas encore publié sur la plateforme"}
              .
            </p>
          ) : null
        }
      >
        {contract.axes.length ? (
          <AxisList
            axes={contract.axes}
            fiches={contract.publicFiches}
            // Each fiche's status once one has begun: until then the section above says it in a sentence.
            progress={progress.started ? ficheProgress : new Map()}
            ficheHref={ficheHref}
          />
        ) : (
          <p>Les axes du contrat ne sont pas encore publiés.</p>
        )}
      </Section>

      {evaluation ? <PublicEvaluationSection evaluation={evaluation} /> : null}

      <Section id="partenaires" title="Signataires et partenaires">
        <div className="space-y-6">
          <div>
            <h3 className="mb-3 font-semibold text-slate-900">Signataires</h3>
            {contract.signatories.length ? (
              <PartyList
                label="Signataires"
                parties={contract.signatories.map((signatory) => ({
                  ...signatory,
                  detail:
                    [signatory.signerName, signatory.signerTitle, signatory.signedOn ? `signé le ${formatDate(signatory.signedOn)}` : null]
                      .filter(Boolean)
                      .join(", ") || undefined,
                }))}
              />
            ) : (
              <p className="text-slate-700">Les signataires ne sont pas renseignés.</p>
            )}
          </div>
          {contract.partners.length ? (
            <div>
              <h3 className="mb-3 font-semibold text-slate-900">Partenaires</h3>
              <PartyList
                label="Partenaires"
                parties={contract.partners.map((partner) => ({ ...partner, detail: partner.role ?? undefined }))}
              />
            </div>
          ) : null}
        </div>
      </Section>

      {contract.concertationSummary || contract.workingGroups.length ? (
        <Section id="concertation" title="Concertation et groupes de travail">
          {contract.concertationSummary ? <p className="max-w-3xl text-slate-800">{contract.concertationSummary}</p> : null}
          {contract.workingGroups.length ? (
            <div className="mt-5 grid grid-cols-1 gap-4 md:grid-cols-2">
              {contract.workingGroups.map((group) => (
                <div key={group.id} className="rounded-md border border-slate-200 p-4">
                  <h3 className="font-semibold text-slate-900">{group.name}</h3>
                  {group.meetings.length ? (
                    <ul className="mt-2 space-y-1 text-slate-800" aria-label={`Réunions du groupe ${group.name}`}>
                      {group.meetings.map((meeting) => (
                        <li key={meeting.id}>
                          <time dateTime={meeting.heldOn.toISOString().slice(0, 10)}>{formatDate(meeting.heldOn)}</time>
                          {meeting.topic ? ` (${meeting.topic})` : null}
                          {meeting.minutesDocument?.isPublic ? <MinutesLink minutes={meeting.minutesDocument} href={documentHref} /> : null}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="mt-2 text-sm text-slate-600">Aucune réunion publiée.</p>
                  )}
                </div>
              ))}
            </div>
          ) : null}
        </Section>
      ) : null}

      {contract.meetings.length ? (
        <Section
          id="gouvernance"
          title="Comités de pilotage et réunions"
          description={
            contract._count.meetings > contract.meetings.length ? (
              <p>
                Les {formatNumber(contract.meetings.length)} dernières réunions sur {formatNumber(contract._count.meetings)}.
              </p>
            ) : null
          }
        >
          <ul className="space-y-2 text-slate-800" aria-label="Réunions des instances du contrat">
            {contract.meetings.map((meeting) => (
              <li key={meeting.id}>
                <time dateTime={isoDay(meeting.heldOn)}>{formatDate(meeting.heldOn)}</time> · {MEETING_KIND_SHORT_LABELS[meeting.kind]}
                {meeting.topic ? ` · ${meeting.topic}` : null}
                {meeting.minutesDocument?.isPublic ? <MinutesLink minutes={meeting.minutesDocument} href={documentHref} /> : null}
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      {contract.documents.length ? (
        <Section id="documents" title="Étapes et documents">
          <DocumentLinks documents={contract.documents} href={documentHref} />
        </Section>
      ) : null}
    </>
  );
}

/** « · compte-rendu », a link to the minutes' file or web address when they have one. */
function MinutesLink({ minutes, href }: { minutes: Parameters<typeof documentTarget>[0]; href: (documentId: string) => string }) {
  const target = documentTarget(minutes, href);
  return (
    <span className="text-sm text-slate-600">
      {" · "}
      {target ? (
        <a href={target.href} {...(target.file ? { download: "" } : { rel: "noopener noreferrer" })}>
          compte-rendu <span className="sr-only">({target.detail})</span>
        </a>
      ) : (
        "compte-rendu"
      )}
    </span>
  );
}

function DiagnosisBody({ contract, ficheHref }: { contract: PublicContract; ficheHref: (number: number) => string }) {
  const source = [contract.diagnosisSource, contract.diagnosisYear].filter(Boolean).join(", ");
  if (!contract.diagnosisSummary && !contract.findings.length && !source) {
    return <p className="text-slate-700">Le diagnostic n’est pas encore publié.</p>;
  }
  // Which published fiches answer each finding, once the contract has published fiches to say it.
  const coverage = contract.publicFiches.length
    ? findingCoverage(
        contract.findings.map((finding) => ({
          id: finding.id,
          text: finding.text,
          fiches: finding.fiches.flatMap(({ fiche }) => (fiche.publicVersion ? [fiche.publicVersion] : [])),
        })),
      )
    : null;
  return (
    <div className="space-y-4">
      {source ? (
        <p className="text-sm text-slate-600">
          Réalisé par&nbsp;: <span className="font-medium text-slate-800">{source}</span>
        </p>
      ) : null}
      {contract.diagnosisSummary ? <p className="max-w-3xl text-slate-800">{contract.diagnosisSummary}</p> : null}
      {coverage?.total ? (
        <>
          <h3 className="font-semibold text-slate-900">Besoins et actions</h3>
          <p className="max-w-3xl text-slate-800">
            Sur {formatCount(coverage.total, "constat", "constats")}, {formatNumber(coverage.covered)} {coverage.covered > 1 ? "ont" : "a"}{" "}
            au moins une fiche action publiée qui y répond
            {coverage.uncovered
              ? `\u202f; ${formatNumber(coverage.uncovered)} ${coverage.uncovered > 1 ? "n’ont" : "n’a"} pas encore d’action publiée.`
              : "."}
          </p>
          <FindingCoverageList
            label="Constats du diagnostic"
            uncoveredText="Aucune fiche action publiée n’y répond."
            findings={coverage.findings.map((finding) => ({
              ...finding,
              fiches: finding.fiches.map((fiche) => ({
                key: String(fiche.number),
                label: `${ficheLabel(fiche.number)} – ${fiche.title}`,
                href: ficheHref(fiche.number),
              })),
            }))}
          />
        </>
      ) : contract.findings.length ? (
        <ul className="max-w-3xl list-disc space-y-1.5 pl-6 text-slate-800" aria-label="Constats du diagnostic">
          {contract.findings.map((finding) => (
            <li key={finding.id}>{finding.text}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
