// What a ProConnect agent sees in their space: the organisation ProConnect names, the form to ask
// to join a territory as its partner, and the requests they sent with their status.
import Link from "next/link";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { ItemList } from "@/components/ui/item-list";
import { Section } from "@/components/ui/section";
import { ACCESS_REQUEST_STATUS_LABELS } from "@/lib/access-requests/labels";
import type { AccessRequestPanel as Panel } from "@/lib/access-requests/queries";
import type { ServerAction } from "@/lib/actions/server-action";
import type { AccessRequestStatus } from "@/lib/db/generated/enums";
import { formatDate } from "@/lib/format";
import { formatSiren, formatSiret } from "@/lib/organisations/siren";
import { RequestAccessForm } from "./request-access-form";

const STATUS_TONES: Record<AccessRequestStatus, BadgeTone> = { pending: "warning", confirmed: "success", refused: "neutral" };

export function AccessRequestPanel({ panel, action }: { panel: Panel; action: ServerAction<{ requestId: string }> }) {
  const { agent, territories, requests } = panel;
  const organisation = agent?.organisation;
  return (
    <Section id="acces-partenaire" title="Accès partenaire">
      <div className="max-w-3xl space-y-6">
        {organisation ? (
          <>
            <p className="text-slate-900">
              Votre organisation d’après ProConnect&nbsp;: <strong>{organisation.name}</strong> (SIREN&nbsp;{formatSiren(agent.siren)}).
            </p>
            {territories.length ? (
              <>
                <p className="text-slate-700">
                  Demandez à suivre ses engagements dans un territoire. La coordination du territoire confirme votre demande avant que vous
                  n’ayez accès à quoi que ce soit.
                </p>
                <RequestAccessForm
                  action={action}
                  territories={territories.map((territory) => ({
                    value: territory.id,
                    label: `${territory.name} (${territory.region.name})`,
                  }))}
                />
              </>
            ) : (
              <p className="text-slate-700">
                Aucun territoire à proposer&nbsp;: {organisation.name} ne participe à aucun autre contrat publié, ou vous avez déjà demandé
                l’accès partout où elle participe. Pour un autre territoire, demandez une invitation à sa coordination.
              </p>
            )}
          </>
        ) : agent ? (
          <p className="text-slate-900">
            Votre SIRET d’après ProConnect ({formatSiret(agent.siret)}) ne correspond à aucune organisation inscrite sur OpenCLS. Demandez
            une invitation à la coordination du territoire avec lequel vous travaillez&nbsp;: elle vous inscrira pour votre organisation.
          </p>
        ) : null}
        {requests.length ? (
          <div>
            <h3 className="mb-3 text-lg font-semibold text-slate-900">Vos demandes d’accès</h3>
            <ItemList items={requests} empty="">
              {(request) => (
                <>
                  <div>
                    <p className="font-semibold text-slate-900">{request.territory.name}</p>
                    <p className="text-sm text-slate-600">
                      Partenaire pour {(request.organisation ?? request.proposedOrganisation).name} · envoyée le{" "}
                      {formatDate(request.createdAt)}
                      {request.decidedAt
                        ? ` · ${ACCESS_REQUEST_STATUS_LABELS[request.status].toLowerCase()} le ${formatDate(request.decidedAt)}`
                        : ""}
                    </p>
                    {request.status === "confirmed" ? (
                      <p className="mt-1 text-sm text-slate-700">
                        Retrouvez ses engagements dans <Link href="/engagements">Mes engagements</Link>.
                      </p>
                    ) : null}
                  </div>
                  {/* Its own box: the row's column layout on small screens would stretch the badge. */}
                  <div className="shrink-0">
                    <Badge tone={STATUS_TONES[request.status]}>{ACCESS_REQUEST_STATUS_LABELS[request.status]}</Badge>
                  </div>
                </>
              )}
            </ItemList>
          </div>
        ) : null}
      </div>
    </Section>
  );
}
