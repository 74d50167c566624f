// The sections of a public contract page: overview, diagnosis, axes and fiches, the last closed
// evaluation, parties, concertation, documents.
import type { ReactNode } from "react";
import { AxisList } from "@/components/contracts/axis-list";
import { ContractStatusBadge } from "@/components/contracts/contract-status-badge";
import { PartyList } from "@/components/contracts/party-list";
import { FactList } from "@/components/ui/fact-list";
import { Section } from "@/components/ui/section";
import { ficheCountOf } from "@/lib/contracts/fiche-count";
import { DOCUMENT_KIND_LABELS, generationLabel } from "@/lib/contracts/labels";
import { formatCount, formatDate, formatDuration } from "@/lib/format";
import type { PublicContract } from "@/lib/territories/queries";

export function ContractSections({
  contract,
  evaluation,
  ficheHref,
}: {
  contract: PublicContract;
  evaluation?: ReactNode;
  /** A published fiche's page, by its number. */
  ficheHref: (number: number) => string;
}) {
  const ficheCount = contract.publicFiches.length;
  const transversalCount = contract.axes.filter((axis) => axis.isTransversal).length;
  const announced = ficheCountOf(contract, ficheCount);
  const notDay = "Non renseignée";

  return (
    <>
      <Section
        id="contrat"
        title={contract.title}
        description={
          <p className="flex flex-wrap items-center gap-2">
            <ContractStatusBadge status={contract.status} />
            <span className="text-sm text-slate-600">{generationLabel(contract.generation)}</span>
          </p>
        }
      >
        {contract.summary ? <p className="mb-6 max-w-3xl leading-relaxed text-slate-800">{contract.summary}</p> : null}
        <FactList
          facts={[
            { label: "Adoption en conseil", value: contract.councilAdoptedOn ? formatDate(contract.councilAdoptedOn) : notDay },
            { label: "Signature", value: contract.signedOn ? formatDate(contract.signedOn) : notDay },
            {
              label: "Durée",
              value: contract.durationMonths ? formatDuration(contract.durationMonths) : (contract.timeframeNote ?? "Non renseignée"),
            },
            ...(contract.startsOn || contract.endsOn
              ? [
                  {
                    label: "Période",
                    value: `${contract.startsOn ? formatDate(contract.startsOn) : "…"} – ${contract.endsOn ? formatDate(contract.endsOn) : "…"}`,
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

      <Section id="diagnostic" title="Diagnostic local de santé">
        <DiagnosisBody contract={contract} />
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
          <AxisList axes={contract.axes} fiches={contract.publicFiches} ficheHref={ficheHref} />
        ) : (
          <p>Les axes du contrat ne sont pas encore publiés.</p>
        )}
      </Section>

      {evaluation}

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
                          {meeting.minutesDocument ? <span className="text-sm text-slate-600"> · compte-rendu</span> : null}
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

      {contract.documents.length ? (
        <Section id="documents" title="Étapes et documents">
          <ul className="space-y-3">
            {contract.documents.map((document) => (
              <li key={document.id} className="flex flex-col gap-1 border-l-2 border-brand-600 pl-4">
                <span className="text-sm text-slate-600">
                  {DOCUMENT_KIND_LABELS[document.kind]}
                  {document.issuedOn ? ` · ${formatDate(document.issuedOn, document.issuedPrecision)}` : ""}
                </span>
                <span className="text-slate-900">{document.url ? <a href={document.url}>{document.title}</a> : document.title}</span>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}
    </>
  );
}

function DiagnosisBody({ contract }: { contract: PublicContract }) {
  const source = [contract.diagnosisSource, contract.diagnosisYear].filter(Boolean).join(", ");
  if (!contract.diagnosisSummary && !contract.findings.length && !source) {
    return <p className="text-slate-700">Le diagnostic n’est pas encore publié.</p>;
  }
  return (
    <div className="space-y-4">
      {source ? (
        <p className="text-sm text-slate-600">
          Réalisé par&nbsp;: <span className="font-medium text-slate-800">{source}</span>
        </p>
      ) : null}
      {contract.diagnosisSummary ? <p className="max-w-3xl text-slate-800">{contract.diagnosisSummary}</p> : null}
      {contract.findings.length ? (
        <ul className="max-w-3xl list-disc space-y-1.5 pl-6 text-slate-800" aria-label="Constats du diagnostic">
          {contract.findings.map((finding) => (
            <li key={finding.id}>{finding.text}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
