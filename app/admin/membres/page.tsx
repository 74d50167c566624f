import type { Metadata } from "next";
import { AdminNav } from "@/components/admin/admin-nav";
import { InviteAnyoneForm } from "@/components/admin/invite-anyone-form";
import { ConfirmActionButton } from "@/components/forms/confirm-action-button";
import { RevokeInvitationButton } from "@/components/members/revoke-invitation-button";
import { ItemList } from "@/components/ui/item-list";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/ui/pagination";
import { Section } from "@/components/ui/section";
import { loadAuthorized } from "@/lib/auth/require";
import { listRegionDepartments } from "@/lib/geo/reference";
import { formatDateTime, formatNumber } from "@/lib/format";
import { listHref, PAGE_SIZE, readListParams } from "@/lib/params/list-params";
import { MEMBERSHIP_ROLE_LABELS } from "@/lib/memberships/labels";
import { getPlatformMembers, scopeName } from "@/lib/platform/queries";
import { inviteAnyoneAction, revokeAnyInvitationAction, revokeAnyMemberAction } from "../actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Membres – Administration" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminMembersPage({ searchParams }: Props) {
  const params = readListParams(await searchParams);
  const { actor, data } = await loadAuthorized("/admin/membres", {}, (actor) => getPlatformMembers(actor, params));
  const roles = Object.entries(MEMBERSHIP_ROLE_LABELS).map(([value, label]) => ({ value, label }));
  // The départements of each region, from the State's reference: what a délégation départementale picks from.
  const departments = Object.fromEntries(
    data.regions.map((region) => [
      region.id,
      listRegionDepartments(region.inseeCode).map((department) => ({
        value: department.code,
        label: `${department.name} (${department.code})`,
      })),
    ]),
  );
  const scopes = {
    regionId: data.regions.map((region) => ({ value: region.id, label: region.name })),
    // Thousands at national scale: found on the server as the admin types.
    territoryId: { known: [], suggestUrl: "/admin/suggestions/territoires" },
    organisationId: { known: [], suggestUrl: "/admin/suggestions/organisations" },
  };
  return (
    <>
      <PageHeader title="Membres et invitations">
        <p>Tous les rôles attribués sur la plateforme. Chaque attribution et chaque retrait sont inscrits au journal.</p>
      </PageHeader>
      <AdminNav current="membres" />
      <div className="mx-auto max-w-6xl space-y-6 px-4 py-8 sm:px-6">
        <Section
          id="inviter"
          title="Inviter une personne"
          description={
            "Tout rôle, sur le périmètre qu’il demande\u00a0: une région pour l’ARS (ou certains de ses départements, pour une délégation départementale), un territoire pour la coordination et la contribution, une organisation pour un partenaire\u00a0; la lecture nationale (ministère, agence nationale) n’en demande aucun."
          }
        >
          <InviteAnyoneForm action={inviteAnyoneAction} roles={roles} scopes={scopes} departments={departments} />
        </Section>
        <Section id="invitations" title={`Invitations en attente (${data.invitations.length})`}>
          <ItemList items={data.invitations} empty="Aucune invitation en attente.">
            {(invitation) => (
              <>
                <p>
                  <span className="font-semibold">{invitation.email}</span>
                  <span className="text-sm text-slate-600">
                    {" "}
                    · {MEMBERSHIP_ROLE_LABELS[invitation.role]} · {scopeName(invitation)} · jusqu’au {formatDateTime(invitation.expiresAt)}
                  </span>
                </p>
                <RevokeInvitationButton action={revokeAnyInvitationAction} invitation={invitation} />
              </>
            )}
          </ItemList>
        </Section>
        <Section id="membres" title={`Rôles attribués (${formatNumber(data.membershipCount)})`}>
          <ul className="divide-y divide-slate-200">
            {data.memberships.map((membership) => {
              const label = `${MEMBERSHIP_ROLE_LABELS[membership.role]} · ${scopeName(membership)}`;
              return (
                <li
                  key={membership.id}
                  className="flex flex-col gap-3 py-3 first:pt-0 last:pb-0 sm:flex-row sm:items-center sm:justify-between"
                >
                  <p>
                    <span className="font-semibold">{membership.user.name ?? membership.user.email}</span>
                    <span className="text-sm text-slate-600">
                      {membership.user.name ? ` · ${membership.user.email}` : ""} · {label}
                    </span>
                  </p>
                  {membership.user.id === actor.userId ? null : (
                    <ConfirmActionButton
                      action={revokeAnyMemberAction}
                      fields={{ membershipId: membership.id, version: String(membership.version) }}
                      label={`Retirer le rôle ${label} de ${membership.user.email}`}
                      question={`Retirer ce rôle à ${membership.user.email}\u00a0?`}
                      confirmLabel="Retirer"
                    />
                  )}
                </li>
              );
            })}
          </ul>
          <Pagination
            page={params.page}
            pageCount={Math.ceil(data.membershipCount / PAGE_SIZE)}
            href={(page) => listHref("/admin/membres", {}, page, "membres")}
            label="Pages de la liste des rôles attribués"
          />
        </Section>
      </div>
    </>
  );
}
