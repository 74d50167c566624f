import type { Metadata } from "next";
import { cache } from "react";
import { ConfirmActionButton } from "@/components/forms/confirm-action-button";
import { MeetingForm, NewMeetingForm, type MeetingFormValues } from "@/components/meetings/meeting-form";
import { Disclosure } from "@/components/ui/disclosure";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Section } from "@/components/ui/section";
import { WorkspaceBreadcrumb } from "@/components/workspace/workspace-breadcrumb";
import { loadAuthorized } from "@/lib/auth/require";
import { formValuesOf } from "@/lib/catalogue";
import { formatCount, formatDate, formatNumber, isoDay } from "@/lib/format";
import { MEETING_KIND_LABELS, MEETING_KIND_SHORT_LABELS } from "@/lib/meetings/labels";
import { getContractGovernance } from "@/lib/meetings/queries";
import { MEETING_FIELDS } from "@/lib/meetings/schema";
import type { MeetingSummary } from "@/lib/meetings/selects";
import { listHref, readListParams } from "@/lib/params/list-params";
import { createMeetingAction, deleteMeetingAction, updateMeetingAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ slug: string; contractId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const load = cache((slug: string, contractId: string, page: number) =>
  loadAuthorized(`/espace/${slug}/contrats/${contractId}/gouvernance`, { slug, contractId }, (actor) =>
    getContractGovernance(actor, slug, contractId, { page }),
  ),
);

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { slug, contractId } = await params;
  const { page } = readListParams(await searchParams);
  return { title: `Gouvernance · ${(await load(slug, contractId, page)).data.contract.title}` };
}

const meetingTitle = (meeting: Pick<MeetingSummary, "kind" | "heldOn">) =>
  `${MEETING_KIND_SHORT_LABELS[meeting.kind]} du ${formatDate(meeting.heldOn)}`;

const formValues = (meeting: MeetingSummary): MeetingFormValues => ({
  ...formValuesOf(MEETING_FIELDS, meeting),
  attendances: meeting.attendances.map((row) => ({
    organisationId: row.organisationId,
    attendeeCount: row.attendeeCount?.toString() ?? "",
  })),
});

const BLANK: MeetingFormValues = { ...formValuesOf(MEETING_FIELDS, null), attendances: [] };

export default async function GovernancePage({ params, searchParams }: Props) {
  const { slug, contractId } = await params;
  const { page } = readListParams(await searchParams);
  const { data } = await load(slug, contractId, page);
  const { contract, meetings, total, pageCount, editable, parties } = data;
  const path = `/espace/${contract.territory.slug}/contrats/${contract.id}/gouvernance`;
  const suggestUrl = `/espace/${contract.territory.slug}/organisations`;
  // The contract's signatories and partners first; the organisations a meeting names, to show its rows.
  const known = (meeting?: MeetingSummary) => {
    const options = new Map(parties.map((party) => [party.value, party.label]));
    for (const row of meeting?.attendances ?? []) options.set(row.organisationId, row.organisation.name);
    return { known: [...options].map(([value, label]) => ({ value, label })), suggestUrl };
  };

  return (
    <>
      <PageHeader
        title="Gouvernance"
        eyebrow={<WorkspaceBreadcrumb territory={contract.territory} contract={contract} current="Gouvernance" />}
      >
        <p>
          Les réunions des instances du contrat (comité de pilotage, comité technique, groupes de travail)&#8239;: qui y était, ce qui a été
          décidé.
        </p>
      </PageHeader>
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
        <Section id="reunions" title={`Réunions (${formatNumber(total)})`}>
          {meetings.length ? (
            <ol className="space-y-4" aria-label="Réunions, des plus récentes aux plus anciennes">
              {meetings.map((meeting) => {
                const title = meetingTitle(meeting);
                return (
                  <li key={meeting.id} className="rounded-md border border-slate-200 p-4 sm:p-5">
                    <h3 className="font-semibold text-slate-900">
                      <time dateTime={isoDay(meeting.heldOn)!}>{formatDate(meeting.heldOn)}</time> · {MEETING_KIND_LABELS[meeting.kind]}
                    </h3>
                    {meeting.topic ? <p className="mt-1 text-slate-700">{meeting.topic}</p> : null}
                    <dl className="mt-3 space-y-3 text-sm">
                      <div>
                        <dt className="font-medium text-slate-600">Organisations présentes</dt>
                        <dd className="text-slate-900">
                          {meeting.attendances.length ? (
                            <ul className="list-disc pl-5">
                              {meeting.attendances.map((row) => (
                                <li key={row.organisationId}>
                                  {row.organisation.name}
                                  {row.attendeeCount ? ` (${formatCount(row.attendeeCount, "personne", "personnes")})` : ""}
                                </li>
                              ))}
                            </ul>
                          ) : (
                            "Non renseignées"
                          )}
                        </dd>
                      </div>
                      {meeting.participantCount !== null ? (
                        <div>
                          <dt className="font-medium text-slate-600">Participants</dt>
                          <dd className="text-slate-900">
                            {formatCount(meeting.participantCount, "participant", "participants")}
                            {meeting.residentCount ? `, dont ${formatCount(meeting.residentCount, "habitant", "habitants")}` : ""}
                          </dd>
                        </div>
                      ) : null}
                      <div>
                        <dt className="font-medium text-slate-600">Décisions</dt>
                        <dd className="whitespace-pre-line text-slate-900">{meeting.decisions ?? "Aucune décision consignée."}</dd>
                      </div>
                    </dl>
                    {meeting.minutes ? (
                      <details className="mt-3">
                        <summary className="cursor-pointer font-medium text-brand-800">Compte rendu</summary>
                        <p className="mt-2 whitespace-pre-line text-slate-800">{meeting.minutes}</p>
                      </details>
                    ) : null}
                    {editable ? (
                      <div className="mt-4 flex flex-wrap items-start gap-2 border-t border-slate-200 pt-4">
                        <ConfirmActionButton
                          action={deleteMeetingAction}
                          fields={{ meetingId: meeting.id, version: String(meeting.version) }}
                          label={`Supprimer la réunion ${title}`}
                          question={`Supprimer la réunion ${title}\u00a0?`}
                          confirmLabel="Supprimer"
                        />
                        <Disclosure className="w-full" summary={`Modifier la réunion ${title}`}>
                          <div className="mt-3 max-w-3xl">
                            <MeetingForm
                              action={updateMeetingAction}
                              values={formValues(meeting)}
                              organisations={known(meeting)}
                              hidden={{ meetingId: meeting.id, version: String(meeting.version) }}
                            />
                          </div>
                        </Disclosure>
                      </div>
                    ) : null}
                  </li>
                );
              })}
            </ol>
          ) : (
            <p className="text-slate-700">{total ? "Aucune réunion sur cette page." : "Aucune réunion enregistrée pour le moment."}</p>
          )}
          <Pagination
            page={page}
            pageCount={pageCount}
            href={(target) => listHref(path, {}, target, "reunions")}
            label="Pages de la liste des réunions"
          />
        </Section>

        {editable ? (
          <Section id="nouvelle-reunion" title="Enregistrer une réunion">
            <div className="max-w-3xl">
              <NewMeetingForm action={createMeetingAction} values={BLANK} organisations={known()} hidden={{ contractId: contract.id }} />
            </div>
          </Section>
        ) : null}
      </div>
    </>
  );
}
