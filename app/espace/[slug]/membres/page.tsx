import type { Metadata } from "next";
import { cache } from "react";
import { ConfirmAccessRequestForm } from "@/components/access-requests/confirm-access-request-form";
import { ConfirmActionButton } from "@/components/forms/confirm-action-button";
import { RevokeInvitationButton } from "@/components/members/revoke-invitation-button";
import { InviteMemberForm } from "@/components/members/invite-member-form";
import { MemberRoleForm } from "@/components/members/member-role-form";
import { Badge } from "@/components/ui/badge";
import { ItemList } from "@/components/ui/item-list";
import { PageHeader } from "@/components/ui/page-header";
import { Section } from "@/components/ui/section";
import { WorkspaceBreadcrumb } from "@/components/workspace/workspace-breadcrumb";
import { WorkspaceNav } from "@/components/workspace/workspace-nav";
import type { TerritoryMembers } from "@/lib/memberships/queries";
import { formatDate, formatDateTime, formatNumber } from "@/lib/format";
import { formatSiret } from "@/lib/organisations/siren";
import { MEMBERSHIP_ROLE_LABELS } from "@/lib/memberships/labels";
import { getTerritoryMembers } from "@/lib/memberships/queries";
import { isTerritoryRole, TERRITORY_ROLES } from "@/lib/memberships/schema";
import { loadAuthorized } from "@/lib/auth/require";
import {
  changeMemberRoleAction,
  confirmAccessRequestAction,
  inviteMemberAction,
  refuseAccessRequestAction,
  revokeInvitationAction,
  revokeMemberAction,
} from "./actions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

const load = cache((slug: string) => loadAuthorized(`/espace/${slug}/membres`, { slug }, (actor) => getTerritoryMembers(actor, slug)));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { data } = await load((await params).slug);
  return { title: `Membres – ${data.name}` };
}

const ROLE_OPTIONS = TERRITORY_ROLES.map((role) => ({ value: role, label: MEMBERSHIP_ROLE_LABELS[role] }));
const INVITED_ROLE_OPTIONS = [...TERRITORY_ROLES, "partner" as const].map((role) => ({ value: role, label: MEMBERSHIP_ROLE_LABELS[role] }));

export default async function MembersPage({ params }: Props) {
  const { actor, data: territory } = await load((await params).slug);
  const now = new Date();
  return (
    <>
      <PageHeader title="Membres du territoire" eyebrow={<WorkspaceBreadcrumb territory={territory} current="Membres" />}>
        <p>
          Les personnes qui coordonnent le contrat de {territory.name}, pilotent ses fiches actions ou suivent les engagements des
          partenaires.
        </p>
      </PageHeader>
      <WorkspaceNav actor={actor} territory={territory} current="membres" />
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
        {/* Requests waiting for an answer come first; with none, the section closes the page. */}
        {territory.accessRequests.length ? <AccessRequests territory={territory} /> : null}
        <Section
          id="inviter"
          title="Inviter une personne"
          description="Elle reçoit un lien par e-mail, valable 7 jours, qui crée son compte ou le relie à son compte existant."
        >
          <InviteMemberForm
            action={inviteMemberAction}
            territoryId={territory.id}
            roles={INVITED_ROLE_OPTIONS}
            organisations={{ known: [], suggestUrl: `/espace/${territory.slug}/organisations` }}
          />
        </Section>

        <Section id="membres" title={`Membres (${territory.memberships.length})`}>
          <ul className="divide-y divide-slate-200">
            {territory.memberships.map((membership) => {
              const person = membership.user.name ? `${membership.user.name} (${membership.user.email})` : membership.user.email;
              const isSelf = membership.user.id === actor.userId;
              return (
                <li key={membership.id} className="grid gap-3 py-4 first:pt-0 last:pb-0 lg:grid-cols-[1fr_auto_auto] lg:items-center">
                  <div>
                    <p className="font-semibold text-slate-900">
                      {membership.user.name ?? membership.user.email} {isSelf ? <Badge>vous</Badge> : null}
                    </p>
                    <p className="text-sm text-slate-600">
                      {membership.user.name ? `${membership.user.email} · ` : ""}
                      {MEMBERSHIP_ROLE_LABELS[membership.role]}
                      {membership.organisation ? ` (${membership.organisation.name})` : ""} depuis le {formatDate(membership.createdAt)}
                    </p>
                  </div>
                  {isSelf ? null : (
                    <>
                      {isTerritoryRole(membership.role) ? (
                        <MemberRoleForm action={changeMemberRoleAction} membership={membership} person={person} roles={ROLE_OPTIONS} />
                      ) : (
                        <span />
                      )}
                      <ConfirmActionButton
                        action={revokeMemberAction}
                        fields={{ membershipId: membership.id, version: String(membership.version) }}
                        label={`Retirer le rôle de ${person}`}
                        question={`Retirer le rôle de ${membership.user.email}\u00a0?`}
                        confirmLabel="Retirer"
                      />
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        </Section>

        <Section id="invitations" title={`Invitations en attente (${territory.invitations.length})`}>
          <ItemList items={territory.invitations} empty="Aucune invitation en attente.">
            {(invitation) => (
              <>
                <div>
                  <p className="font-semibold text-slate-900">
                    {invitation.email} {invitation.expiresAt <= now ? <Badge tone="warning">expirée</Badge> : null}
                  </p>
                  <p className="text-sm text-slate-600">
                    {MEMBERSHIP_ROLE_LABELS[invitation.role]}
                    {invitation.organisation ? ` (${invitation.organisation.name})` : ""} · envoyée le{" "}
                    {formatDateTime(invitation.createdAt)}
                    {invitation.invitedBy ? ` par ${invitation.invitedBy.name ?? invitation.invitedBy.email}` : ""}
                    {invitation.expiresAt > now ? ` · valable jusqu’au ${formatDateTime(invitation.expiresAt)}` : ""}
                  </p>
                </div>
                <RevokeInvitationButton action={revokeInvitationAction} invitation={invitation} />
              </>
            )}
          </ItemList>
        </Section>
        {territory.accessRequests.length ? null : <AccessRequests territory={territory} />}
      </div>
    </>
  );
}

/** ProConnect agents asking to become partners of the territory: confirmed for an organisation, or refused. */
function AccessRequests({ territory }: { territory: TerritoryMembers }) {
  return (
    <Section
      id="demandes"
      title={`Demandes d’accès en attente (${formatNumber(territory._count.accessRequests)})`}
      description={`Des agents connectés avec ProConnect demandent à suivre les engagements de leur organisation dans ce territoire. Rien ne leur est ouvert avant votre confirmation.${
        territory._count.accessRequests > territory.accessRequests.length
          ? ` Les ${formatNumber(territory.accessRequests.length)} plus anciennes sont affichées\u00a0: décidez-en pour voir les suivantes.`
          : ""
      }`}
    >
      <ItemList items={territory.accessRequests} empty="Aucune demande d’accès en attente.">
        {(request) => {
          const person = request.user.name ? `${request.user.name} (${request.user.email})` : request.user.email;
          return (
            <div className="grid w-full gap-4 lg:grid-cols-[1fr_auto_auto] lg:items-end">
              <div>
                <p className="font-semibold text-slate-900">{request.user.name ?? request.user.email}</p>
                <p className="text-sm text-slate-600">
                  {request.user.name ? `${request.user.email} · ` : ""}demandée le {formatDateTime(request.createdAt)}
                </p>
                <p className="text-sm text-slate-600">
                  Organisation d’après ProConnect&nbsp;: {request.proposedOrganisation.name} · SIRET&nbsp;{formatSiret(request.siret)}
                </p>
              </div>
              <ConfirmAccessRequestForm
                action={confirmAccessRequestAction}
                request={request}
                person={person}
                applicant={request.user.name ?? request.user.email}
                organisations={{
                  known: [{ value: request.proposedOrganisation.id, label: request.proposedOrganisation.name }],
                  suggestUrl: `/espace/${territory.slug}/organisations`,
                }}
              />
              <ConfirmActionButton
                action={refuseAccessRequestAction}
                fields={{ requestId: request.id, version: String(request.version) }}
                label={`Refuser la demande de ${person}`}
                question={`Refuser la demande de ${request.user.email} ?`}
                confirmLabel="Refuser"
              />
            </div>
          );
        }}
      </ItemList>
    </Section>
  );
}
